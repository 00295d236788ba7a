//! Where a finding points: the wizard's field path (with list positions) and the stable, id-based
//! paths of every answer it concerns.

/// The answers a finding concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    field: String,
    paths: Vec<String>,
}

impl At {
    /// A field outside any list, such as `organisation.email`.
    pub fn field(path: &str) -> At {
        At {
            field: path.to_owned(),
            paths: vec![path.to_owned()],
        }
    }

    /// Item `index` of the list at `list`, named by its `key` field's value, e.g.
    /// `At::item("data", 3, "category", "health")`: `data[3]`, `data[category=health]`.
    /// An empty key value names the item by position, the only name it has.
    pub fn item(list: &str, index: usize, key: &str, value: &str) -> At {
        let value = value.trim();
        let stable = if value.is_empty() {
            format!("{list}[{index}]")
        } else {
            format!("{list}[{key}={value}]")
        };
        At {
            field: format!("{list}[{index}]"),
            paths: vec![stable],
        }
    }

    /// Item `index` of a list of ids at `list`, named by the id: `vendors.catalogue[=stripe]`.
    pub fn id(list: &str, index: usize, id: &str) -> At {
        At::item(list, index, "", id)
    }

    /// A field inside the item: `.child("retention.amount")`.
    pub fn child(mut self, field: &str) -> At {
        self.field = format!("{}.{field}", self.field);
        for p in &mut self.paths {
            *p = format!("{p}.{field}");
        }
        self
    }

    /// One more answer the finding concerns (a stable path).
    pub fn also(mut self, path: impl Into<String>) -> At {
        self.paths.push(path.into());
        self
    }

    pub(super) fn into_parts(self) -> (String, Vec<String>) {
        (self.field, self.paths)
    }
}

#[cfg(test)]
mod tests {
    use super::At;

    #[test]
    fn items_are_named_by_id_and_located_by_position() {
        let at = At::item("data", 3, "category", "health").child("retention.amount");
        assert_eq!(
            at.into_parts(),
            (
                "data[3].retention.amount".to_owned(),
                vec!["data[category=health].retention.amount".to_owned()]
            )
        );
        let at = At::id("vendors.catalogue", 8, "stripe");
        assert_eq!(at.into_parts().1, vec!["vendors.catalogue[=stripe]"]);
        let at = At::item("products", 0, "name", "  ");
        assert_eq!(at.into_parts().1, vec!["products[0]"]);
    }
}
