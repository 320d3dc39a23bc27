// The page fixture every test uses: it fails the test on any console error or uncaught
// exception, and on any request that leaves the site's own folder.
import { test as base, expect } from '@playwright/test';

export { expect };

export const CIA = {
  id: 'cia-rdp80-00809a000600290716-5',
  title: 'Local Party Instructors Hit Nonpolitical Assignments',
};

export const test = base.extend({
  // Console errors a test provokes on purpose, as regular expressions.
  allowConsoleErrors: [[], { option: true }],
  // URLs outside the site a test opens on purpose (the single file), by their beginning.
  allowRequests: [[], { option: true }],

  page: async ({ page, baseURL, allowConsoleErrors, allowRequests }, use) => {
    const errors = [];
    const outside = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !allowConsoleErrors.some((re) => re.test(message.text()))) {
        errors.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL) && !url.startsWith('data:') && !allowRequests.some((u) => url.startsWith(u))) {
        outside.push(url);
      }
    });
    await use(page);
    expect(errors, 'console errors').toEqual([]);
    expect(outside, 'requests outside the site folder').toEqual([]);
  },
});
