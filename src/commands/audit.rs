//! `vcaudit audit`: the verdict matrix of the selected vendor offerings, in the format asked for;
//! with `--fail-on`, the exit code says whether a verdict reached the given level.

use std::io::Write;

use super::{evaluation, Context};
use crate::cli::{AuditArgs, FailOn};
use crate::error::{exit, Error};
use crate::evaluate::Verdict;
use crate::report::{self, output::deliver};

/// Runs `vcaudit audit`.
pub fn run(ctx: &Context, args: &AuditArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let (catalogue, ev) = evaluation(ctx, &args.vendors)?;
    let r = report::Report {
        evaluation: &ev,
        catalogue: &catalogue,
    };
    deliver(args.output.destination(), ctx.lang, ctx.color, out, &|re, w| {
        re.audit(&r, w)
    })?;
    Ok(gate(ev.results.iter().map(|r| r.verdict), args.fail_on))
}

/// The least bad verdict that `--fail-on` fails on.
fn threshold(level: FailOn) -> Verdict {
    match level {
        FailOn::NotSuitable => Verdict::NotSuitable,
        FailOn::InsufficientInformation => Verdict::InsufficientInformation,
        FailOn::Conditions => Verdict::SuitableWithConditions,
    }
}

/// The exit code of an audit with `--fail-on`, from the verdicts of its results.
fn gate(mut verdicts: impl Iterator<Item = Verdict>, fail_on: Option<FailOn>) -> u8 {
    let Some(level) = fail_on else { return exit::SUCCESS };
    if verdicts.any(|v| v >= threshold(level)) {
        exit::FINDINGS
    } else {
        exit::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_on_gates_at_its_level_and_worse() {
        let conditions = [Verdict::Suitable, Verdict::SuitableWithConditions];
        assert_eq!(gate(conditions.into_iter(), None), exit::SUCCESS);
        assert_eq!(gate(conditions.into_iter(), Some(FailOn::Conditions)), exit::FINDINGS);
        assert_eq!(
            gate(conditions.into_iter(), Some(FailOn::InsufficientInformation)),
            exit::SUCCESS
        );
        let unknown = [Verdict::InsufficientInformation];
        assert_eq!(
            gate(unknown.into_iter(), Some(FailOn::InsufficientInformation)),
            exit::FINDINGS
        );
        assert_eq!(gate(unknown.into_iter(), Some(FailOn::NotSuitable)), exit::SUCCESS);
        assert_eq!(
            gate([Verdict::NotSuitable].into_iter(), Some(FailOn::NotSuitable)),
            exit::FINDINGS
        );
        assert_eq!(gate(std::iter::empty(), Some(FailOn::Conditions)), exit::SUCCESS);
    }
}
