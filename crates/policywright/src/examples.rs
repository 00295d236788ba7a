//! The example projects shipped in `examples/`: realistic fictional companies that are starting
//! points for owners and fixtures for the tests.

/// (name, project file text) for every example.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("saas", include_str!("../../../examples/saas.policy.json")),
    ("shop", include_str!("../../../examples/shop.policy.json")),
    (
        "consumer-app",
        include_str!("../../../examples/consumer-app.policy.json"),
    ),
];

/// The text of the example called `name`.
pub fn example(name: &str) -> Option<&'static str> {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}
