// A child for tst_review's durability test: tags one conversation, says so, then waits to be killed.
//   tag_then_wait WORKSPACE CONVERSATION_ID
#include "review/Tagging.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace workbench;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    if (argc != 3)
        return 2;
    auto database = Database::open(QString::fromLocal8Bit(argv[1]));
    TagRequest request;
    request.conversationId = QString::fromLocal8Bit(argv[2]);
    request.reviewer = QStringLiteral("Dana");
    request.verdict = Verdict::FalseEscalation;
    request.reason = QStringLiteral("tracking data was available");
    request.taggedAtMsecs = 1790000000000;
    addTag(*database, request);
    std::puts("tagged");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1); // killed here, with the connection still open
}
