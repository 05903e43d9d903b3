//! Entities: mentions from the gazetteer pass and the name rules, tied into one entity per referent.

use crate::annotate::{Cluster, Entity};
use crate::document::Document;
use crate::gazetteer::{Gazetteer, Hit};
use std::collections::HashMap;

/// Turns gazetteer hits into mentions and clusters: one cluster per gazetteer entry, named by the
/// entry's canonical name.
pub(crate) fn recognize(_doc: &Document<'_>, hits: &[Hit], gazetteer: &Gazetteer) -> (Vec<Entity>, Vec<Cluster>) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut cluster_of_entry: HashMap<u32, usize> = HashMap::new();
    let mut entities = Vec::with_capacity(hits.len());
    for hit in hits {
        let entry = gazetteer.entry(hit.entry);
        let entity = *cluster_of_entry.entry(hit.entry).or_insert_with(|| {
            clusters.push(Cluster { label: entry.label, name: entry.name.to_string() });
            clusters.len() - 1
        });
        entities.push(Entity { span: hit.span, label: entry.label, entity });
    }
    (entities, clusters)
}
