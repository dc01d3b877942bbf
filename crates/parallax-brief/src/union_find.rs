//! Disjoint sets over `0..n`, for grouping articles, entities and sources.

/// Union–find with path halving. `union` keeps the smaller index as the root, so groups
/// are named by their first member and results do not depend on the order of unions.
#[derive(Clone, Debug)]
pub struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets { parent: (0..n).collect() }
    }

    /// The representative of `i`'s set: its smallest member.
    pub fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }

    /// The sets, each in ascending order, ordered by their smallest member.
    pub fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut group_of_root = vec![usize::MAX; self.parent.len()];
        for i in 0..self.parent.len() {
            let root = self.root(i);
            if group_of_root[root] == usize::MAX {
                group_of_root[root] = groups.len();
                groups.push(Vec::new());
            }
            groups[group_of_root[root]].push(i);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_ordered_by_first_member() {
        let mut sets = DisjointSets::new(5);
        sets.union(4, 1);
        sets.union(3, 4);
        assert_eq!(sets.groups(), vec![vec![0], vec![1, 3, 4], vec![2]]);
    }
}
