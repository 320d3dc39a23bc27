//! nginx as the browser tests' static host: the project's own configuration
//! (`deploy/nginx/reading-room.conf`, and `reading-room-brotli.conf` when the module is there)
//! inside a server this wrapper writes, which fills in what differs per run: the port, the
//! folder served, and the sub-paths.
//!
//! nginx runs as the tests' own child process (`daemon off`, one process), unprivileged, with
//! its pid file, temporary folders and logs in `target/xtask/nginx/`, and stops when the
//! [`Nginx`] value is dropped. Each mount's sub-path is a folder under the server's root whose
//! entries link to dist/'s (and, for a fixture collection, whose `bundle` links to that
//! collection's bundle), so the shipped configuration serves them with `root` as a site keeper's
//! server would.

use crate::serve::Mount;
use anyhow::{Context, bail};
use std::fs;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Debian's nginx.
pub const NGINX: &str = "/usr/sbin/nginx";
/// Debian's brotli_static module (libnginx-mod-http-brotli-static).
pub const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const MIME_TYPES: &str = "/etc/nginx/mime.types";

/// A running nginx: it stops when dropped.
pub struct Nginx {
    child: Child,
    /// One URL per mount, in the order given.
    pub urls: Vec<String>,
    /// Whether it serves the `.br` copies (the brotli_static module is loaded).
    pub brotli: bool,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // One process (`master_process off`), so killing it leaves no worker behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Serves `dist` at each mount with the shipped configuration, on a free loopback port.
pub fn spawn(dist: &Path, mounts: &[Mount]) -> anyhow::Result<Nginx> {
    if !Path::new(NGINX).exists() {
        bail!("nginx is missing ({NGINX}); run `cargo xtask setup` to install it");
    }
    let dir = crate::target().join("xtask/nginx");
    if dir.exists() {
        fs::remove_dir_all(&dir).with_context(|| format!("cannot clear {}", dir.display()))?;
    }
    let www = dir.join("www");
    for mount in mounts {
        link_site(dist, mount, &www.join(mount.base.trim_matches('/')))?;
    }
    let port = free_port()?;
    let brotli = Path::new(BROTLI_MODULE).exists();
    let config = dir.join("nginx.conf");
    fs::write(&config, config_text(&dir, &www, port, mounts, brotli))?;
    let log = dir.join("error.log");
    let child = Command::new(NGINX)
        .arg("-p")
        .arg(&dir)
        .arg("-c")
        .arg(&config)
        .arg("-e")
        .arg(&log)
        .stdin(Stdio::null())
        .spawn()
        .with_context(|| format!("cannot start {NGINX}"))?;
    let mut nginx = Nginx { child, urls: Vec::new(), brotli };
    wait_until_listening(&mut nginx.child, port, &log)?;
    nginx.urls = mounts.iter().map(|m| format!("http://127.0.0.1:{port}{}", m.base)).collect();
    Ok(nginx)
}

/// Makes `at` a folder whose entries link to dist/'s, with `bundle` from the mount when it
/// brings its own.
fn link_site(dist: &Path, mount: &Mount, at: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(at)?;
    for entry in fs::read_dir(dist)? {
        let entry = entry?;
        let name = entry.file_name();
        let target = match &mount.bundle {
            Some(bundle) if name == "bundle" => bundle.clone(),
            _ => entry.path(),
        };
        symlink(&target, &at.join(&name))?;
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> anyhow::Result<()> {
    std::os::unix::fs::symlink(target, link)
        .with_context(|| format!("cannot link {} to {}", link.display(), target.display()))
}

#[cfg(not(unix))]
fn symlink(_: &Path, _: &Path) -> anyhow::Result<()> {
    bail!("serving with nginx needs symbolic links (a Unix system); use `--server xtask`")
}

fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))?;
    Ok(listener.local_addr()?.port())
}

/// The server around the shipped configuration: everything here is what a site keeper's own
/// nginx.conf would say, with the paths of this run.
fn config_text(dir: &Path, www: &Path, port: u16, mounts: &[Mount], brotli: bool) -> String {
    let shipped = crate::root().join("deploy/nginx");
    let path = |p: PathBuf| p.display().to_string();
    let mut locations = String::new();
    for mount in mounts {
        locations += &format!(
            "        location {} {{\n            include {};\n{}        }}\n",
            mount.base,
            path(shipped.join("reading-room.conf")),
            if brotli {
                format!("            include {};\n", path(shipped.join("reading-room-brotli.conf")))
            } else {
                String::new()
            },
        );
    }
    let load = if brotli { format!("load_module {BROTLI_MODULE};\n") } else { String::new() };
    let tmp = |name: &str| path(dir.join(name));
    format!(
        "{load}daemon off;\nmaster_process off;\npid {pid};\nerror_log {log} warn;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n    include {MIME_TYPES};\n    default_type application/octet-stream;\n    \
         access_log {access};\n    sendfile on;\n    server_tokens off;\n    \
         client_body_temp_path {t1};\n    proxy_temp_path {t2};\n    fastcgi_temp_path {t3};\n    \
         uwsgi_temp_path {t4};\n    scgi_temp_path {t5};\n    \
         server {{\n        listen 127.0.0.1:{port};\n        server_name localhost;\n        \
         root {www};\n{locations}    }}\n}}\n",
        pid = tmp("nginx.pid"),
        log = tmp("error.log"),
        access = tmp("access.log"),
        t1 = tmp("client_body"),
        t2 = tmp("proxy"),
        t3 = tmp("fastcgi"),
        t4 = tmp("uwsgi"),
        t5 = tmp("scgi"),
        www = www.display(),
    )
}

/// Waits until nginx accepts connections on `port`, failing with its error log if it exits.
fn wait_until_listening(child: &mut Child, port: u16, log: &Path) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait()? {
            let errors = fs::read_to_string(log).unwrap_or_default();
            bail!("nginx exited ({status}) before serving:\n{errors}");
        }
        // Refused until nginx listens; each attempt waits at most this long for an answer.
        if TcpStream::connect_timeout(&address, Duration::from_millis(100)).is_ok() {
            return Ok(());
        }
        // The interval between two attempts, not a wait for a time: the loop ends on an answer.
        std::thread::sleep(Duration::from_millis(20));
    }
    bail!("nginx did not listen on 127.0.0.1:{port} within 10 s; see {}", log.display())
}
