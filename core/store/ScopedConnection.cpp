#include "ScopedConnection.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QThread>
#include <QUrl>

namespace workbench {

QString uniqueConnectionName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("workbench-%1-%2-%3")
        .arg(purpose)
        .arg(quintptr(QThread::currentThreadId()))
        .arg(counter.fetchAndAddRelaxed(1));
}

QString readOnlyUri(const QString &path, bool mayCreateFilesBeside)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QString uri = QUrl::fromLocalFile(absolute).toString(QUrl::FullyEncoded) + QStringLiteral("?mode=ro");
    if (!mayCreateFilesBeside && !QFileInfo::exists(absolute + QStringLiteral("-wal")))
        uri += QStringLiteral("&immutable=1");
    return uri;
}

ScopedConnection::ScopedConnection(const QString &purpose, const QString &databaseName, const QString &options)
    : m_name(uniqueConnectionName(purpose))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(databaseName);
    m_db.setConnectOptions(options);
    m_opened = m_db.open();
}

ScopedConnection::~ScopedConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace workbench
