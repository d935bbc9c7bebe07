//! Who may see what: one rule, checked by every staff handler, and tested as a matrix.

use domain::ProgramId;

use crate::account::{Role, StaffUser};

/// A part of the staff site, with the program it concerns where there is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// A signed-in person's home page.
    Home,
    /// Opening sessions, for circles of a program (and seeing the count of those one
    /// opened, while they are open: `Session::live_count`).
    Sessions(ProgramId),
    /// A program's overview and circle pages.
    Program(ProgramId),
    /// The quarterly portfolio reports (program level and above only).
    Reports,
    /// Programs, circles, users, privacy settings and the ledger.
    Admin,
    /// Typing in a program's paper forms.
    PaperEntry(ProgramId),
}

/// Whether `user` may see `area`. Managers and facilitators see their own program only;
/// funders see reports only (their program's, or the portfolio's); admins see all but the
/// facilitator's session desk, which belongs to a program's own staff.
pub fn allowed(user: &StaffUser, area: Area) -> bool {
    let own = |program: ProgramId| user.program_id == Some(program);
    match (user.role, area) {
        (_, Area::Home) => true,
        (Role::Admin, Area::Program(_) | Area::Reports | Area::Admin) => true,
        (Role::Admin, Area::Sessions(_)) => false,
        (Role::Manager, Area::Program(p) | Area::Sessions(p)) => own(p),
        (Role::Facilitator, Area::Sessions(p)) => own(p),
        (Role::Funder, Area::Reports) => true,
        (Role::DataEntry, Area::PaperEntry(p)) => own(p),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::StaffId;

    fn user(role: Role, program: Option<i32>) -> StaffUser {
        StaffUser {
            id: StaffId::new(1),
            email: "x@y.org".into(),
            role,
            program_id: program.map(ProgramId::new),
            program: None,
        }
    }

    #[test]
    fn a_manager_of_one_program_sees_nothing_of_another() {
        let m = user(Role::Manager, Some(1));
        assert!(allowed(&m, Area::Program(ProgramId::new(1))));
        assert!(!allowed(&m, Area::Program(ProgramId::new(2))));
        assert!(!allowed(&m, Area::Sessions(ProgramId::new(2))));
        assert!(!allowed(&m, Area::Reports));
        assert!(!allowed(&m, Area::Admin));
    }

    #[test]
    fn funders_see_reports_only_and_facilitators_sessions_only() {
        let f = user(Role::Funder, None);
        assert!(allowed(&f, Area::Reports));
        assert!(!allowed(&f, Area::Program(ProgramId::new(1))));
        let fa = user(Role::Facilitator, Some(1));
        assert!(allowed(&fa, Area::Sessions(ProgramId::new(1))));
        assert!(!allowed(&fa, Area::Program(ProgramId::new(1))));
        assert!(!allowed(
            &user(Role::Admin, None),
            Area::Sessions(ProgramId::new(1))
        ));
    }

    #[test]
    fn data_entry_types_in_its_own_programs_forms_and_sees_nothing_else() {
        let d = user(Role::DataEntry, Some(1));
        assert!(allowed(&d, Area::PaperEntry(ProgramId::new(1))));
        assert!(!allowed(&d, Area::PaperEntry(ProgramId::new(2))));
        for area in [
            Area::Sessions(ProgramId::new(1)),
            Area::Program(ProgramId::new(1)),
            Area::Reports,
            Area::Admin,
        ] {
            assert!(!allowed(&d, area), "{area:?}");
        }
        for role in [Role::Admin, Role::Manager, Role::Facilitator, Role::Funder] {
            assert!(
                !allowed(&user(role, Some(1)), Area::PaperEntry(ProgramId::new(1))),
                "{role:?}"
            );
        }
    }
}
