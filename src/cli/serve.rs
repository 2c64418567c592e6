//! `serve`: the survey and the reports in a browser. The server itself is the library's
//! ([`crate::serve`]); this prints the admin link and waits for it to stop.

use super::Io;
use super::args::ServeArgs;
use super::rules::load_rules;
use crate::error::Error;
use crate::serve::{Limits, Options, Tls, start};

/// Starts the server, prints the admin page's address first (then where the data is),
/// and serves until Ctrl-C or SIGTERM.
pub fn serve(args: &ServeArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let loaded = load_rules(&args.rules)?;
    let options = Options {
        data: args.data.clone(),
        listen: args.listen,
        public: args.public,
        tls: match (&args.tls_cert, &args.tls_key) {
            (Some(cert), Some(key)) => Some(Tls {
                cert: cert.clone(),
                key: key.clone(),
            }),
            _ => None,
        },
        behind_proxy: args.behind_proxy,
        limits: Limits::default(),
    };
    let server = start(&options, loaded.framework)?;
    // The server handles Ctrl-C and SIGTERM itself, finishing the saves under way.
    super::signals::leave_to_server();
    io.print(&format!(
        "Admin page: {}\nData: {}\nFramework: {}\nListening on {}; Ctrl-C stops (answers being saved are saved first).\n",
        server.admin_url,
        args.data.display(),
        super::rules::describe(&args.rules),
        server.local
    ))?;
    server.run()
}
