@testable import Policy

/// The field `validate()` names for `config` after `change`, or nil if it is valid.
/// Shared by every policy family's configuration tests.
func validationField<Config: ValidatedConfig>(_ config: Config, _ change: (inout Config) -> Void = { _ in }) -> String? {
    var changed = config
    change(&changed)
    do {
        try changed.validate()
        return nil
    } catch {
        return error.field
    }
}
