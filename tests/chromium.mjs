// How the browser tests and the benchmarks start Debian's Chromium.
export const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

// Without these, Chromium's background connections are refused by the closed network.
export const args = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
