//! CreateService's Service Connect checks, gathered for one service: the rules of
//! `discovery::service_connect` (ports, the deployment controller, the task memory limit) and
//! the names it would share with earlier services of its namespace (`discovery::namespace`).

use super::spec::ServiceSpec;
use crate::discovery::namespace::{check_unique, Joined};
use crate::discovery::service_connect::{
    check_deployment_controller, check_ports, enabled, task_memory_refusal,
};
use crate::problem::Problems;
use crate::taskdef::TaskDefinition;

/// The Service Connect problems of service `s` at `path` (its task definition `td`, whether it
/// is a CODE_DEPLOY service), against the `earlier` services of the document (`services[0..]`).
pub fn check(
    path: &str,
    s: &ServiceSpec,
    earlier: &[ServiceSpec],
    td: &TaskDefinition,
    code_deploy: bool,
    p: &mut Problems,
) {
    let sc = s.service_connect_configuration.as_ref();
    let at = format!("{path}.serviceConnectConfiguration");
    p.extend(check_ports(&at, sc));
    p.extend(check_deployment_controller(&at, sc, code_deploy));
    let Some(config) = sc.filter(|_| enabled(sc)) else {
        return;
    };
    if let Some(why) = task_memory_refusal(td) {
        p.push(format!("{path}.taskDefinition"), why);
    }
    let paths: Vec<String> = (0..earlier.len())
        .map(|j| format!("services[{j}]"))
        .collect();
    let joined: Vec<Joined<'_>> = earlier
        .iter()
        .zip(&paths)
        .filter_map(|(o, op)| {
            o.service_connect_configuration.as_ref().map(|c| Joined {
                path: op,
                service: &o.service_name,
                cluster: o.cluster.as_deref(),
                config: c,
            })
        })
        .collect();
    let me = Joined {
        path,
        service: &s.service_name,
        cluster: s.cluster.as_deref(),
        config,
    };
    p.extend(check_unique(me, &joined));
}
