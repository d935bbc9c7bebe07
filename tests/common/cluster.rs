//! Several real `hearth serve` processes on one PostgreSQL database behind HAProxy, run
//! from the shipped `deploy/haproxy.cfg` — for the scale-out tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::TestDb;
use super::server::Server;

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");
const SHIPPED: &str = include_str!("../../deploy/haproxy.cfg");

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The shipped configuration with this test's addresses: the frontend's bind, one server
/// line per instance, and the log sent to standard output (no syslog in a test).
pub fn haproxy_config(port: u16, backends: &[u16]) -> String {
    let mut out = String::new();
    let mut servers_written = false;
    for line in SHIPPED.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("bind 127.0.0.1:") {
            out.push_str(&format!("    bind 127.0.0.1:{port}\n"));
        } else if trimmed.starts_with("log /dev/log") {
            out.push_str("    log stdout format raw local0\n");
        } else if trimmed.starts_with("server hearth") {
            if !servers_written {
                for (i, backend) in backends.iter().enumerate() {
                    out.push_str(&format!(
                        "    server hearth{} 127.0.0.1:{backend} check\n",
                        i + 1
                    ));
                }
                servers_written = true;
            }
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(servers_written, "deploy/haproxy.cfg lists no server");
    out
}

/// HAProxy in the foreground, everything it logs collected.
pub struct Balancer {
    child: Child,
    pub port: u16,
    log: Arc<Mutex<String>>,
    _dir: tempfile::TempDir,
}

impl Balancer {
    pub fn start(backends: &[u16]) -> Balancer {
        let port = free_port();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("haproxy.cfg");
        std::fs::write(&path, haproxy_config(port, backends)).unwrap();
        let mut child = Command::new(haproxy())
            .arg("-db")
            .arg("-f")
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("haproxy runs (Debian's package; .ci/run installs it)");
        let log = Arc::new(Mutex::new(String::new()));
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    let mut log = log.lock().unwrap();
                    log.push_str(&line);
                    log.push('\n');
                }
            });
        }
        let balancer = Balancer {
            child,
            port,
            log,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "haproxy did not start: {}",
                balancer.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        balancer
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// The HAProxy process's id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn haproxy() -> &'static str {
    if std::path::Path::new("/usr/sbin/haproxy").exists() {
        "/usr/sbin/haproxy"
    } else {
        "haproxy"
    }
}

/// `n` instances on one database (migrated first, once) behind one balancer.
pub struct Cluster {
    pub servers: Vec<Option<Server>>,
    pub balancer: Balancer,
}

impl Cluster {
    pub fn start(db: &TestDb, n: usize) -> Cluster {
        Cluster::start_with(db, n, &[])
    }

    /// As [`Cluster::start`], with environment variables for every instance.
    pub fn start_with(db: &TestDb, n: usize, env: &[(&str, &str)]) -> Cluster {
        hearth(db, &["migrate"]);
        let servers: Vec<Server> = (0..n)
            .map(|_| Server::start_with_env(&db.url, None, env))
            .collect();
        let ports: Vec<u16> = servers.iter().map(|s| s.port).collect();
        let balancer = Balancer::start(&ports);
        let cluster = Cluster {
            servers: servers.into_iter().map(Some).collect(),
            balancer,
        };
        cluster.wait_until_all_up();
        cluster
    }

    /// Until every instance answers through the balancer (its first checks passed).
    fn wait_until_all_up(&self) {
        let ports: Vec<u16> = self.servers.iter().flatten().map(|s| s.port).collect();
        wait_until_balanced(&ports);
    }

    pub fn instance_url(&self, i: usize, path: &str) -> String {
        let port = self.servers[i].as_ref().expect("instance running").port;
        format!("http://127.0.0.1:{port}{path}")
    }

    pub fn stop(&mut self) -> Vec<String> {
        self.servers
            .iter_mut()
            .filter_map(Option::take)
            .map(Server::stop)
            .collect()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Until every instance on `ports` answers its `/healthz`, then long enough for a
/// balancer started with them to have passed its first checks on each.
pub fn wait_until_balanced(ports: &[u16]) {
    let deadline = Instant::now() + Duration::from_secs(30);
    for port in ports {
        let url = format!("http://127.0.0.1:{port}/healthz");
        while !matches!(blocking_status(&url), Some(200)) {
            assert!(Instant::now() < deadline, "instance did not come up");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    // `rise 2` at `inter 1s`: two passed checks before the balancer sends traffic.
    std::thread::sleep(Duration::from_millis(2500));
}

fn blocking_status(url: &str) -> Option<u16> {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut stream = std::net::TcpStream::connect(host).ok()?;
    use std::io::Write;
    write!(
        stream,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.get(9..12)?.parse().ok()
}

/// A `hearth` command on the test database.
pub fn hearth(db: &TestDb, args: &[&str]) -> String {
    let out = super::run_hearth(db, args);
    assert!(
        out.status.success(),
        "hearth {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Opens a session through the command line: its code and its ticket codes.
pub fn open_session(db: &TestDb, extra: &[&str]) -> (String, Vec<String>) {
    let mut args = vec![
        "session",
        "open",
        "--program",
        "Peer Bridges",
        "--circle",
        "Tuesday Evening",
    ];
    args.extend_from_slice(extra);
    let stdout = hearth(db, &args);
    let code = stdout.split_whitespace().nth(1).unwrap().to_owned();
    let tickets = stdout
        .lines()
        .filter_map(|l| l.split("?ticket=").nth(1))
        .map(|t| t.split_whitespace().next().unwrap().to_owned())
        .collect();
    (code, tickets)
}

/// An HTTP client that follows no redirect.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(90))
        .build()
        .unwrap()
}

/// Posts a form; the status, or `None` when no answer came (a killed instance).
pub async fn post_form(client: &reqwest::Client, url: &str, body: &str) -> Option<u16> {
    let response = client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .ok()?;
    Some(response.status().as_u16())
}

/// A staff member's browser over real HTTP: cookies kept by hand (per name, as a browser
/// on one site would), any instance or the balancer as the server.
#[derive(Clone, Default)]
pub struct Browser {
    cookies: BTreeMap<String, String>,
}

pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

impl Browser {
    /// The `Cookie` header this browser sends.
    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Answer {
        let response = request
            .header("cookie", self.cookie_header())
            .send()
            .await
            .unwrap();
        for value in response.headers().get_all("set-cookie") {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.insert(name.to_owned(), value.to_owned());
        }
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_owned());
        Answer {
            status,
            location,
            body: response.text().await.unwrap(),
        }
    }

    pub async fn get(&mut self, url: &str) -> Answer {
        self.send(client().get(url)).await
    }

    pub async fn post(&mut self, url: &str, fields: &[(&str, &str)]) -> Answer {
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        self.send(
            client()
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body),
        )
        .await
    }

    /// Signs in through `base` (an instance or the balancer): the sign-in form's token,
    /// then the form. The status of the sign-in POST.
    pub async fn sign_in(&mut self, base: &str, email: &str, password: &str) -> Answer {
        let form = self.get(&format!("{base}/staff/sign-in")).await;
        let token = super::http::token(&form.body);
        self.post(
            &format!("{base}/staff/sign-in"),
            &[
                ("authenticity_token", &token),
                ("email", email),
                ("password", password),
            ],
        )
        .await
    }
}
