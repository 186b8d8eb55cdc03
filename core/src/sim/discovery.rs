//! Cloud Map DNS as a client sees it: the answer is cached for the record's TTL, so a task
//! that stops keeps receiving calls (which fail) until the client resolves the name again.

use super::Sim;
use crate::traffic::state::DnsAnswer;

impl Sim {
    /// The client's cached answer for the server's DNS name, resolved again (from the tasks
    /// registered now) when absent or past its TTL. An empty answer is not cached.
    pub(crate) fn resolve_dns(&mut self, client: usize, server: usize, ttl_ms: u64) -> Vec<usize> {
        let now = self.now;
        if let Some(a) = self.traffic.dns.get(&(client, server)) {
            if now < a.expires_at {
                return a.tasks.clone();
            }
        }
        // ECS registers a task in Cloud Map once it is RUNNING (and healthy) and deregisters it
        // when it stops (DG service-discovery), so the registered set is the routable one.
        let tasks: Vec<usize> = self
            .routable_targets(server)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        if tasks.is_empty() {
            self.traffic.dns.remove(&(client, server));
        } else {
            self.traffic.dns.insert(
                (client, server),
                DnsAnswer {
                    tasks: tasks.clone(),
                    expires_at: now + ttl_ms,
                },
            );
        }
        tasks
    }
}
