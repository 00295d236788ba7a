//! The example projects shipped in `examples/`: realistic fictional companies that are starting
//! points for owners and fixtures for the tests.

/// One example project.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// Its name, as `policywright new --example NAME` takes it.
    pub name: &'static str,
    /// What kind of company it is, where, and whose laws it addresses, for a picker.
    pub label: &'static str,
    /// Its project file.
    pub text: &'static str,
}

/// Every example, in the order a picker lists them.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "saas",
        label: "Software for businesses (Germany; EU, UK, California)",
        text: include_str!("../../../examples/saas.policy.json"),
    },
    Example {
        name: "shop",
        label: "Online tea shop (UK; UK and EU customers)",
        text: include_str!("../../../examples/shop.policy.json"),
    },
    Example {
        name: "consumer-app",
        label: "Hiking app (US; US states, Canada, Brazil, Australia)",
        text: include_str!("../../../examples/consumer-app.policy.json"),
    },
];

/// The text of the example called `name`.
pub fn example(name: &str) -> Option<&'static str> {
    EXAMPLES.iter().find(|e| e.name == name).map(|e| e.text)
}
