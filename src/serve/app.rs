//! The server: its options, its routes, and running it until it is told to stop.
//!
//! Every route and what it answers is listed in [`router`]. The server listens on the
//! loopback interface unless told otherwise; another address needs `public`, and then TLS
//! or a reverse proxy in front ([`Options::check`]). On SIGINT or SIGTERM it stops
//! accepting connections, lets the requests under way finish (a save in progress is
//! completed), and returns.

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::middleware;
use axum::response::Response;
use axum::routing::get;

use super::limiter::Limiter;
use super::storage::{Limits, Store};
use super::{admin, downloads, pages, respondent, security, summary, timeline};
use crate::error::Error;
use crate::rules::Framework;

/// The certificate and key a server with TLS presents.
#[derive(Debug, Clone)]
pub struct Tls {
    /// The certificate chain (PEM).
    pub cert: PathBuf,
    /// The private key (PEM).
    pub key: PathBuf,
}

/// How to run a server.
#[derive(Debug, Clone)]
pub struct Options {
    /// The data folder.
    pub data: PathBuf,
    /// The address to listen on (port 0: any free port).
    pub listen: SocketAddr,
    /// Whether listening on an address other than the loopback interface is allowed.
    pub public: bool,
    /// TLS, when the server speaks HTTPS itself.
    pub tls: Option<Tls>,
    /// Whether a reverse proxy is in front: it terminates TLS and says who the client is
    /// (`X-Forwarded-For`) and how it connected (`X-Forwarded-Proto`).
    pub behind_proxy: bool,
    /// The limits on assessments and respondents.
    pub limits: Limits,
}

impl Options {
    /// Refuses settings that would expose answers: another address than the loopback
    /// interface without `public`, or `public` with neither TLS nor a reverse proxy.
    pub fn check(&self) -> Result<(), Error> {
        let ip = self.listen.ip();
        if !ip.is_loopback() && !self.public {
            return Err(Error::Usage(format!(
                "--listen {}: not a loopback address, so people on the network could reach the server\n  help: add --public to allow it, with --tls-cert and --tls-key, or --behind-proxy when a reverse proxy serves HTTPS in front of it",
                self.listen
            )));
        }
        if self.public && !ip.is_loopback() && self.tls.is_none() && !self.behind_proxy {
            return Err(Error::Usage(
                "--public without TLS would send the private links and the answers unencrypted\n  help: give --tls-cert and --tls-key, or say --behind-proxy when a reverse proxy serves HTTPS in front of the server (the README shows one)"
                    .to_string(),
            ));
        }
        Ok(())
    }
}

/// What every request handler shares.
#[derive(Debug)]
pub struct AppState {
    /// The data folder.
    pub store: Store,
    /// Failed token attempts.
    pub limiter: Limiter,
    /// Whether a reverse proxy is in front.
    pub behind_proxy: bool,
    /// Whether the server speaks HTTPS itself.
    pub tls: bool,
    /// The address the server listens on, for links when a request names no host.
    pub local: SocketAddr,
}

/// The state handlers see.
pub type Shared = Arc<AppState>;

impl AppState {
    /// A state over an opened store.
    pub fn new(store: Store, local: SocketAddr, tls: bool, behind_proxy: bool) -> AppState {
        AppState {
            store,
            limiter: Limiter::default(),
            behind_proxy,
            tls,
            local,
        }
    }

    /// The start of the server's links, as the client reached it: `https://host:port`.
    pub fn base_url(&self, headers: &axum::http::HeaderMap) -> String {
        let forwarded_https = self.behind_proxy
            && headers
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"));
        let scheme = if self.tls || forwarded_https { "https" } else { "http" };
        let host = headers
            .get(axum::http::header::HOST)
            .and_then(|v| v.to_str().ok())
            .filter(|h| {
                !h.is_empty()
                    && h.len() <= 255
                    && h.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
            })
            .map_or_else(|| self.local.to_string(), str::to_string);
        format!("{scheme}://{host}")
    }

    /// Lets a request with `token` through when `valid` says it is good, counting a failure
    /// otherwise; a client with too many failures is refused before anything is looked up.
    pub fn gate(&self, client: IpAddr, valid: impl FnOnce() -> bool) -> Result<(), pages::Refusal> {
        if self.limiter.blocked(client) {
            return Err(pages::Refusal::TooMany);
        }
        if valid() {
            Ok(())
        } else {
            self.limiter.fail(client);
            Err(pages::Refusal::NotFound)
        }
    }
}

/// The client's address, for rate limiting (see [`security::client`]).
#[derive(Debug, Clone, Copy)]
pub struct Client(pub IpAddr);

impl FromRequestParts<Shared> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Self::Rejection> {
        Ok(Client(security::client(
            &parts.extensions,
            &parts.headers,
            state.behind_proxy,
        )))
    }
}

async fn no_icon() -> StatusCode {
    StatusCode::NO_CONTENT
}

async fn not_found() -> Response {
    pages::not_found()
}

async fn not_allowed() -> Response {
    pages::error(
        StatusCode::METHOD_NOT_ALLOWED,
        "Not a way to use this page",
        "This address does not take this kind of request. Open it from a link, or send its form from the page.",
    )
}

/// Every route of the server.
///
/// Admin (`ADMIN` is the admin token): `GET /admin/ADMIN` (assessments, create form),
/// `POST /admin/ADMIN/assessments`, `GET /admin/ADMIN/a/ID` (respondents, progress, team),
/// `POST /admin/ADMIN/a/ID/respondents`, `GET /admin/ADMIN/a/ID/report` and
/// `report.{html,md,docx,pdf,json,csv}`, `answers.zip`, `compare?with=OTHER`.
/// Respondent (`TOKEN` is theirs): `GET /r/TOKEN`, `GET`/`POST /r/TOKEN/q/QUESTION`,
/// `GET /r/TOKEN/done`, `GET`/`POST /r/TOKEN/timeline` (the timeline's dates).
/// `GET /static/serve.css`; `GET /favicon.ico` is empty (204), so a browser that asks for
/// it on a page without an icon (the report's) logs no failed load.
/// Anything else is a 404 page.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/static/serve.css", get(pages::style))
        .route("/favicon.ico", get(no_icon))
        .route("/admin/{admin}", get(admin::home))
        .route("/admin/{admin}/assessments", axum::routing::post(admin::create))
        .route("/admin/{admin}/a/{id}", get(admin::assessment))
        .route(
            "/admin/{admin}/a/{id}/respondents",
            axum::routing::post(admin::add_respondent),
        )
        .route("/admin/{admin}/a/{id}/{item}", get(downloads::item))
        .route("/r/{token}", get(respondent::welcome))
        .route("/r/{token}/done", get(summary::done))
        .route("/r/{token}/timeline", get(timeline::show).post(timeline::save))
        .route(
            "/r/{token}/q/{question}",
            get(respondent::question).post(respondent::answer),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(not_allowed)
        .layer(DefaultBodyLimit::max(security::MAX_BODY))
        .layer(middleware::from_fn(security::headers))
        .with_state(state)
}

/// A server bound to its address, ready to run.
pub struct Listening {
    runtime: tokio::runtime::Runtime,
    /// SIGINT and SIGTERM, listened to from before the server is announced, so that a
    /// signal sent as soon as the admin link shows is never lost.
    stop: Stop,
    listener: TcpListener,
    tls: Option<axum_server::tls_rustls::RustlsConfig>,
    state: Shared,
    /// The admin page's address, with its token.
    pub admin_url: String,
    /// The address listened on (with the real port when port 0 was asked for).
    pub local: SocketAddr,
}

/// Opens the data folder, reads TLS's files and binds the address: everything that can
/// fail before the server is announced. The framework is the one every assessment answers.
pub fn start(options: &Options, framework: Framework) -> Result<Listening, Error> {
    options.check()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .map_err(|e| Error::Io(format!("cannot start the server's threads: {e}")))?;
    let tls = match &options.tls {
        None => None,
        Some(tls) => {
            // One process, one provider: ring, which needs no C toolchain beyond cc.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let config = runtime
                .block_on(axum_server::tls_rustls::RustlsConfig::from_pem_file(&tls.cert, &tls.key))
                .map_err(|e| {
                    Error::Usage(format!(
                        "--tls-cert {} --tls-key {}: cannot use them for TLS: {e}\n  help: give a PEM certificate chain and its PEM private key",
                        tls.cert.display(),
                        tls.key.display()
                    ))
                })?;
            Some(config)
        }
    };
    let store = Store::open(&options.data, framework, options.limits).map_err(Error::Io)?;
    let listener = TcpListener::bind(options.listen)
        .map_err(|e| Error::Io(format!("--listen {}: cannot listen there: {e}", options.listen)))?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::Io(format!("--listen {}: {e}", options.listen)))?;
    let stop = {
        let _inside = runtime.enter();
        Stop::listen().map_err(|e| Error::Io(format!("cannot listen for the stop signals: {e}")))?
    };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let host = if local.ip().is_unspecified() {
        SocketAddr::new(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), local.port())
    } else {
        local
    };
    let admin_url = format!("{scheme}://{host}/admin/{}", store.admin_token());
    let state = Arc::new(AppState::new(store, local, tls.is_some(), options.behind_proxy));
    Ok(Listening {
        runtime,
        stop,
        listener,
        tls,
        state,
        admin_url,
        local,
    })
}

impl Listening {
    /// Serves until SIGINT or SIGTERM, then lets the requests under way finish (for at
    /// most 30 seconds) and returns.
    pub fn run(self) -> Result<(), Error> {
        let Listening {
            runtime,
            stop,
            listener,
            tls,
            state,
            ..
        } = self;
        let handle = axum_server::Handle::new();
        let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
        let result = runtime.block_on(async {
            let stopper = handle.clone();
            tokio::spawn(async move {
                stop.wait().await;
                stopper.graceful_shutdown(Some(Duration::from_secs(30)));
            });
            match tls {
                Some(config) => {
                    axum_server::from_tcp_rustls(listener, config)?
                        .handle(handle)
                        .serve(app)
                        .await
                }
                None => axum_server::from_tcp(listener)?.handle(handle).serve(app).await,
            }
        });
        // Saves handed to blocking threads finish before the runtime goes.
        drop(runtime);
        result.map_err(|e| Error::Io(format!("the server stopped: {e}")))
    }
}

/// SIGINT (Ctrl-C) and SIGTERM, registered with the runtime.
struct Stop {
    #[cfg(unix)]
    signals: (tokio::signal::unix::Signal, tokio::signal::unix::Signal),
}

impl Stop {
    /// Starts listening (inside the runtime): from now on the signals are the server's.
    fn listen() -> std::io::Result<Stop> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Stop {
                signals: (signal(SignalKind::interrupt())?, signal(SignalKind::terminate())?),
            })
        }
        #[cfg(not(unix))]
        Ok(Stop {})
    }

    /// Waits for either signal.
    async fn wait(self) {
        #[cfg(unix)]
        {
            let (mut interrupt, mut terminate) = self.signals;
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
