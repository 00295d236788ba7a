//! The migration chain: how a project file in an older format becomes the current one.
//!
//! The chain is data: [`STEPS`] lists one function per format bump, in order, each turning the
//! JSON of format N into format N + 1. Every reader of a project (project files, the recovery
//! file) runs the chain on the raw JSON before the fields are decoded, so the typed model only
//! ever knows the current format. A bump of [`SCHEMA_VERSION`] adds one step here and one fixture,
//! `tests/fixtures/vN.policy.json`, a real file of the format it leaves behind; the build fails
//! when the steps and the version disagree.

use serde_json::Value;

use crate::model::SCHEMA_VERSION;

/// One format bump: the JSON of format N in, the JSON of format N + 1 out. The chain sets
/// `schema_version`; a step changes only the fields its bump is about.
pub type Step = fn(Value) -> Result<Value, StepError>;

/// Why a step could not upgrade a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {message}")]
pub struct StepError {
    /// Path of the field, e.g. `organisation.email`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// The oldest format this build reads.
pub const OLDEST: u32 = 1;

/// `STEPS[i]` upgrades format `OLDEST + i` to `OLDEST + i + 1`.
pub const STEPS: &[Step] = &[v1_safeguards_per_recipient];

// A format bump without its step (or a step without its bump) must not build.
const _: () = assert!(OLDEST as usize + STEPS.len() == SCHEMA_VERSION as usize);

/// A chain of steps starting at a format. The program uses [`Chain::CURRENT`]; tests build their
/// own to check the runner.
#[derive(Clone, Copy)]
pub struct Chain<'a> {
    /// The format the first step reads.
    pub oldest: u32,
    /// The steps, in order.
    pub steps: &'a [Step],
}

/// Why the chain refused a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// No `schema_version` at all.
    #[error("no `schema_version`: this does not look like a Policywright project file")]
    Missing,
    /// A format from a later Policywright.
    #[error(
        "`schema_version` is {found}, but this version of Policywright reads only up to {newest}. Update Policywright to open it."
    )]
    TooNew {
        /// The file's format.
        found: u64,
        /// The newest this build reads.
        newest: u32,
    },
    /// Not a number, or a format that never existed.
    #[error("`schema_version` {found} is not a format Policywright knows (expected {newest})")]
    Unknown {
        /// What the file says, or "of the wrong type".
        found: String,
        /// The newest this build reads.
        newest: u32,
    },
    /// A step failed.
    #[error("could not upgrade it from format {from} to {}: {error}", from + 1)]
    Step {
        /// The format the failing step reads.
        from: u32,
        /// What the step said.
        error: StepError,
    },
}

impl Chain<'static> {
    /// The chain this build uses.
    pub const CURRENT: Self = Chain {
        oldest: OLDEST,
        steps: STEPS,
    };
}

impl Chain<'_> {
    /// The format the chain ends at.
    pub fn newest(&self) -> u32 {
        self.oldest + self.steps.len() as u32
    }

    /// Upgrades `value` to the newest format. Returns it with the format it had.
    pub fn run(&self, mut value: Value) -> Result<(Value, u32), ChainError> {
        let newest = self.newest();
        let found = match value.get("schema_version") {
            None => return Err(ChainError::Missing),
            Some(v) => v.as_u64().ok_or_else(|| ChainError::Unknown {
                found: "of the wrong type".into(),
                newest,
            })?,
        };
        if found > u64::from(newest) {
            return Err(ChainError::TooNew { found, newest });
        }
        let from = u32::try_from(found)
            .ok()
            .filter(|v| *v >= self.oldest)
            .ok_or_else(|| ChainError::Unknown {
                found: found.to_string(),
                newest,
            })?;
        for (version, step) in (from..).zip(&self.steps[(from - self.oldest) as usize..]) {
            value = step(value).map_err(|error| ChainError::Step {
                from: version,
                error,
            })?;
            // Set by the chain rather than each step, so no step can forget it.
            if let Some(object) = value.as_object_mut() {
                object.insert("schema_version".into(), (version + 1).into());
            }
        }
        Ok((value, from))
    }
}

/// Format 1 → 2: `transfers.safeguards` listed safeguards for every transfer at once. Format 2
/// keeps safeguards on each recipient; which recipient a global one covered is unknown, so the
/// list moves to `transfers.unassigned_safeguards` untouched (nothing is assigned by guess) and
/// validation asks the owner to assign each to its recipients.
fn v1_safeguards_per_recipient(mut value: Value) -> Result<Value, StepError> {
    let Some(transfers) = value.get_mut("transfers") else {
        return Ok(value);
    };
    let Some(transfers) = transfers.as_object_mut() else {
        return Err(StepError {
            field: "transfers".into(),
            message: "should be an object".into(),
        });
    };
    if let Some(list) = transfers.remove("safeguards") {
        let empty = list.as_array().is_some_and(Vec::is_empty);
        if !empty {
            transfers.insert("unassigned_safeguards".into(), list);
        }
    }
    Ok(value)
}
