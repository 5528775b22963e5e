#include "WorkspaceCommand.h"

#include "Cli.h"
#include "CommandContext.h"
#include "store/Database.h"
#include "store/Integrity.h"
#include "store/PostgresConnection.h"
#include "store/WorkspaceCopy.h"

#include <QDir>

namespace workbench::app {

void addWorkspaceOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("check|recover|init|copy"),
        QStringLiteral("check: SQLite's full integrity check of --db (reads only). recover FILE: copy every "
                       "readable row into a new workspace FILE. init [URI]: create a team workspace (schema, roles "
                       "ewb_reviewer and ewb_lead, policies) in a PostgreSQL database. copy SRC DST: copy a whole "
                       "workspace between stores (a file or a postgresql:// URI, either way)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The repaired copy to write (recover)."),
                                 QStringLiteral("[FILE|URI|SRC DST]"));
}

int runWorkspaceCommand(const CommandContext &context)
{
    const QStringList words = context.parser.positionalArguments();
    const QString verb = words.value(0);
    const QString file = QDir::toNativeSeparators(context.workspacePath());
    if ((verb == QLatin1String("check") || verb == QLatin1String("recover")) &&
        postgres::isLocation(context.workspacePath()))
        throw UsageError{QStringLiteral("%1 is for a workspace file; a PostgreSQL server checks its own pages (and "
                                        "`workspace copy URI FILE` makes a file of a team workspace).")
                             .arg(verb)};
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
    if (verb == QLatin1String("init")) {
        if (words.size() > 2)
            throw UsageError{QStringLiteral("unexpected argument \"%1\".").arg(words[2])};
        const QString location = words.size() == 2 ? words[1] : context.workspacePath();
        if (!postgres::isLocation(location))
            throw UsageError{QStringLiteral("init makes a team workspace on PostgreSQL: give a postgresql:// URI "
                                            "(a workspace file is created by opening it).")};
        const std::unique_ptr<Database> db = Database::initPostgres(location);
        context.out << db->path() << ": team workspace ready (schema " << db->schemaVersion()
                    << "). Add a person with: CREATE ROLE name LOGIN IN ROLE ewb_reviewer; (or ewb_lead)\n";
        return ExitSuccess;
    }
    if (verb == QLatin1String("copy")) {
        if (words.size() != 3)
            throw UsageError{QStringLiteral("copy needs a source and a destination: workspace copy SRC DST.")};
        const std::unique_ptr<Database> source = Database::open(words[1]);
        const std::unique_ptr<Database> destination =
            postgres::isLocation(words[2]) ? Database::initPostgres(words[2]) : Database::open(words[2]);
        destination->setBusyTimeout(300000);
        const CopyReport report = copyWorkspace(*source, *destination);
        context.out << "Copied " << source->path() << " into " << destination->path() << ":\n" << report.text() << '\n';
        return ExitSuccess;
    }
    throw UsageError{QStringLiteral("expected check, recover, init or copy, not \"%1\".").arg(verb)};
}

} // namespace workbench::app
