//! The real `hearth serve` binary as a child process, for tests that need the whole program.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const HEARTH: &str = env!("CARGO_BIN_EXE_hearth");

/// A `hearth serve` child on an ephemeral port, with everything it logs collected.
pub struct Server {
    pub child: Child,
    pub port: u16,
    log: Arc<Mutex<String>>,
}

impl Server {
    pub fn start(database_url: &str, rust_log: Option<&str>) -> Server {
        Server::start_with_env(database_url, rust_log, &[])
    }

    /// As [`Server::start`], with more environment variables.
    pub fn start_with_env(
        database_url: &str,
        rust_log: Option<&str>,
        env: &[(&str, &str)],
    ) -> Server {
        let mut command = Command::new(HEARTH);
        command.envs(env.iter().copied());
        command
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env("HEARTH_DATABASE_URL", database_url)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        match rust_log {
            Some(level) => command.env("RUST_LOG", level),
            None => command.env_remove("RUST_LOG"),
        };
        let mut child = command.spawn().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (port_tx, port_rx) = std::sync::mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let (log, port_tx) = (log.clone(), port_tx.clone());
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    // Captured before the port is announced, so a snapshot taken once the
                    // server is up always holds the start-up line.
                    {
                        let mut log = log.lock().unwrap();
                        log.push_str(&line);
                        log.push('\n');
                    }
                    if let Some(rest) = line.split("listening on http://127.0.0.1:").nth(1) {
                        let digits: String =
                            rest.chars().take_while(char::is_ascii_digit).collect();
                        let _ = port_tx.send(digits.parse::<u16>().unwrap());
                    }
                }
            });
        }
        let port = port_rx
            .recv_timeout(Duration::from_secs(60))
            .expect("hearth serve did not start");
        Server { child, port, log }
    }

    /// A request over a plain socket, so the test knows the client's own address.
    /// Returns (status, body, the client's local port).
    pub fn request(&self, method: &str, path: &str, body: &str) -> (u16, String, u16) {
        self.request_in("qx-Canarylang, qy;q=0.5", method, path, body)
    }

    /// [`Server::request`] from a browser that asks for `accept_language`.
    pub fn request_in(
        &self,
        accept_language: &str,
        method: &str,
        path: &str,
        body: &str,
    ) -> (u16, String, u16) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let client_port = stream.local_addr().unwrap().port();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: CanaryBrowser/9.1 (LogProbe)\r\n\
             Accept-Language: {accept_language}\r\n\
             X-Forwarded-For: 203.0.113.77\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        (status, response, client_port)
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    pub fn stop(mut self) -> String {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.child.try_wait().unwrap().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::thread::sleep(Duration::from_millis(100));
        self.log()
    }
}
