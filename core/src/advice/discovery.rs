//! Static rules on how services find each other: a client whose Service Connect namespace is not
//! its server's reaches it only through the server's Cloud Map DNS records (DG
//! service-connect-concepts), with their TTL, or not at all.

use super::{quoted, Advice, Inputs};
use crate::traffic::Source;

/// Every discovery finding, in the `traffic` entries' order.
pub fn check(inputs: Inputs<'_>) -> Vec<Advice> {
    let mut out = Vec::new();
    for e in inputs.traffic {
        let (Source::Client(c), Some((client_ns, server_ns))) = (e.source, &e.namespaces_apart)
        else {
            continue;
        };
        let (Some(client), Some(server)) = (inputs.services.get(c), inputs.services.get(e.service))
        else {
            continue;
        };
        out.push(Advice::new(
            "service-connect-namespaces-apart",
            format!("services[{c}].serviceConnectConfiguration.namespace"),
            format!(
                "service {} calls {} through Service Connect in namespace {}, but {} offers its endpoints in {}: the calls go through its Cloud Map DNS records instead, or fail without them",
                quoted(&client.name),
                quoted(&server.name),
                quoted(client_ns),
                quoted(&server.name),
                quoted(server_ns)
            ),
        ));
    }
    out
}
