//! Arguments of `serve`.

use std::net::SocketAddr;
use std::path::PathBuf;

use super::shared::RulesArgs;

/// Arguments of `serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The data folder: the admin token, and one folder per assessment with its respondents'
    /// answers files (created if missing).
    #[arg(long, value_name = "DIR", default_value = "readiness-data")]
    pub data: PathBuf,
    /// The address and port to listen on; port 0 picks a free one. Only a loopback address
    /// (127.0.0.1, ::1) unless --public is given.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Allow listening on an address other people can reach; needs --tls-cert and --tls-key,
    /// or --behind-proxy.
    #[arg(long)]
    pub public: bool,
    /// The TLS certificate chain (PEM): the server speaks HTTPS itself.
    #[arg(long, value_name = "PEM", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The TLS private key (PEM) of --tls-cert.
    #[arg(long, value_name = "PEM", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// A reverse proxy (Caddy, nginx) serves HTTPS in front of the server and forwards to it:
    /// links use the scheme it reports (X-Forwarded-Proto), and failed-link limits count the
    /// client it reports (X-Forwarded-For).
    #[arg(long)]
    pub behind_proxy: bool,
    /// The framework the assessments answer.
    #[command(flatten)]
    pub rules: RulesArgs,
}
