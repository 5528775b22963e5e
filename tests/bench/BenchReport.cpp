#include "BenchReport.h"

#include "common/Clock.h"
#include "demo/DemoGenerator.h"
#include "review/Sampling.h"
#include "review/Tagging.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace workbench::bench {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double peakResidentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    static const QRegularExpression peak(QStringLiteral("VmHWM:\\s+(\\d+) kB"));
    const auto match = peak.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : 0;
}

QDateTime benchNow()
{
    return QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::utc());
}

QString benchWorkspace(int argc, char *argv[], const QString &folder, const QString &name, bool reviewed)
{
    if (argc > 1)
        return QString::fromLocal8Bit(argv[1]);
    const QString path = QDir(folder).filePath(name);
    makeMillionConversationWorkspace(path, reviewed);
    return path;
}

void makeMillionConversationWorkspace(const QString &path, bool reviewed)
{
    const FixedClock clock(benchNow());
    auto db = Database::open(path);
    DemoOptions options;
    options.conversations = 1'000'000;
    options.months = 24;
    options.endMonth = Period::month(2026, 10);
    fillDemoWorkspace(*db, options, clock);
    if (!reviewed)
        return;
    Period month = Period::month(2026, 10);
    for (int m = 0; m < 6; ++m, month = month.previous()) {
        for (Population population : {Population::Escalated, Population::Contained}) {
            SampleRequest request;
            request.period = month;
            request.population = population;
            request.seed = quint64(m + 1);
            request.createdAtMsecs = clock.nowUtc().toMSecsSinceEpoch();
            const Sample sample = drawSample(*db, request);
            int n = 0;
            for (const QString &id : sample.conversationIds) {
                const bool odd = ++n % 6 == 0;
                const Verdict verdict = population == Population::Escalated
                                            ? (odd ? Verdict::FalseEscalation : Verdict::CorrectEscalation)
                                            : (odd ? Verdict::MissedEscalation : Verdict::CorrectResolution);
                addTag(*db, {id, QStringLiteral("Dana"), verdict, {}, {}, 1000 + n, {}, {}});
            }
        }
    }
}

} // namespace workbench::bench
