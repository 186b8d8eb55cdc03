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
        let (healthy, unhealthy) = self.registry_endpoints(server);
        let tasks = dns_answer(healthy, unhealthy, client, server, now);
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

/// Route 53 answers a multivalue query with at most eight records (DG service-discovery).
pub const DNS_MAX_RECORDS: usize = 8;

/// Route 53's answer to a multivalue query (DG service-discovery): every healthy record when
/// there are eight or fewer; eight of them when there are more; up to eight unhealthy records
/// when none is healthy (it fails open). Which eight is **the playground's choice**: Route 53
/// picks at random, the playground takes eight consecutive tasks from a position mixed from
/// the client, the server and the time, so it needs no random stream and repeats exactly.
fn dns_answer(
    healthy: Vec<usize>,
    unhealthy: Vec<usize>,
    client: usize,
    server: usize,
    now: u64,
) -> Vec<usize> {
    let records = if healthy.is_empty() {
        unhealthy
    } else {
        healthy
    };
    if records.len() <= DNS_MAX_RECORDS {
        return records;
    }
    let mut mix = super::trace::TraceHash::default();
    mix.update(&(client as u64).to_le_bytes());
    mix.update(&(server as u64).to_le_bytes());
    mix.update(&now.to_le_bytes());
    let start = (mix.value() % records.len() as u64) as usize;
    (0..DNS_MAX_RECORDS)
        .map(|k| records[(start + k) % records.len()])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::dns_answer;

    #[test]
    fn eight_or_fewer_healthy_records_are_all_answered() {
        assert_eq!(dns_answer(vec![1, 2, 3], vec![4], 0, 1, 0), vec![1, 2, 3]);
    }

    #[test]
    fn with_none_healthy_route_53_answers_up_to_eight_unhealthy_records() {
        assert_eq!(dns_answer(vec![], vec![4, 5], 0, 1, 0), vec![4, 5]);
        let many: Vec<usize> = (0..20).collect();
        assert_eq!(dns_answer(vec![], many, 0, 1, 0).len(), 8);
        assert!(dns_answer(vec![], vec![], 0, 1, 0).is_empty());
    }

    #[test]
    fn more_than_eight_healthy_records_give_eight_distinct_ones_varying_with_time() {
        let many: Vec<usize> = (0..20).collect();
        let a = dns_answer(many.clone(), vec![], 0, 1, 0);
        assert_eq!(a.len(), 8);
        let distinct: std::collections::BTreeSet<usize> = a.iter().copied().collect();
        assert_eq!(distinct.len(), 8);
        let answers: std::collections::BTreeSet<Vec<usize>> = (0..10)
            .map(|k| dns_answer(many.clone(), vec![], 0, 1, k * 60_000))
            .collect();
        assert!(answers.len() > 1, "the same eight every time");
    }
}
