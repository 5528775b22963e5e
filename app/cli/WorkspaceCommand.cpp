#include "WorkspaceCommand.h"

#include "Cli.h"
#include "CommandContext.h"
#include "store/Integrity.h"

#include <QDir>

namespace workbench::app {

void addWorkspaceOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("check|recover"),
                                 QStringLiteral("check: SQLite's full integrity check of --db (reads only). "
                                                "recover FILE: copy every readable row into a new workspace FILE."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The repaired copy to write (recover)."),
                                 QStringLiteral("[FILE]"));
}

int runWorkspaceCommand(const CommandContext &context)
{
    const QStringList words = context.parser.positionalArguments();
    const QString verb = words.value(0);
    const QString file = QDir::toNativeSeparators(context.workspacePath());
    if (verb == QLatin1String("check")) {
        if (words.size() > 1)
            throw UsageError{QStringLiteral("unexpected argument \"%1\".").arg(words[1])};
        const QStringList problems = integrityProblems(context.workspacePath(), IntegrityDepth::Full);
        if (problems.isEmpty()) {
            context.out << file << ": ok (SQLite's integrity check found no problem)\n";
            return ExitSuccess;
        }
        context.out << file << ": damaged; SQLite's integrity check found " << problems.size()
                    << (problems.size() == 1 ? " problem" : " problems") << ":\n";
        for (const QString &problem : problems)
            context.out << "  " << problem << '\n';
        context.out << "Nothing will be written to this file. For a repaired copy: escalation-workbench workspace "
                       "recover --db "
                    << file << " COPY.ewb\n";
        return ExitUserError;
    }
    if (verb == QLatin1String("recover")) {
        if (words.size() != 2)
            throw UsageError{QStringLiteral("recover needs the file to write: workspace recover FILE.")};
        const RecoveryReport report = recoverWorkspace(context.workspacePath(), words[1]);
        context.out << "Wrote " << QDir::toNativeSeparators(words[1]) << ", a repaired copy of " << file
                    << " (left as it was):\n"
                    << report.text() << '\n'
                    << (report.complete() ? "Every row could be read.\n"
                                          : "Some rows could not be read; the rest is in the copy.\n");
        return ExitSuccess;
    }
    throw UsageError{QStringLiteral("expected check or recover, not \"%1\".").arg(verb)};
}

} // namespace workbench::app
