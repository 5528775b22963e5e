#include "DimensionCache.h"

#include "Database.h"
#include "Sql.h"
#include "Statement.h"

#include <sqlite3.h>

namespace workbench {

DimensionCache::DimensionCache(Database &db) : m_db(db)
{
    QSqlQuery query = sql::run(db.sql(), QStringLiteral("SELECT id, kind, folded FROM dimensions"));
    while (query.next())
        m_ids.insert(Key{query.value(1).toInt(), query.value(2).toString()}, query.value(0).toLongLong());
}

DimensionCache::~DimensionCache() = default;

QString DimensionCache::matchKey(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

std::optional<qint64> DimensionCache::resolve(DimensionKind kind, const QString &name)
{
    if (name.isEmpty())
        return std::nullopt;
    if (const auto exact = m_exact.constFind(Key{int(kind), name}); exact != m_exact.constEnd())
        return *exact;
    const std::optional<qint64> id = resolveFolded(kind, name);
    if (id && m_exact.size() < 100000)
        m_exact.insert(Key{int(kind), name}, *id);
    return id;
}

std::optional<qint64> DimensionCache::resolveFolded(DimensionKind kind, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    const Key key{int(kind), trimmed.toCaseFolded()};
    if (const auto found = m_ids.constFind(key); found != m_ids.constEnd())
        return *found;
    if (!m_insert)
        m_insert = std::make_unique<Statement>(m_db, "INSERT INTO dimensions (kind, name, folded) VALUES (?1, ?2, ?3)");
    m_insert->bind(1, qint64(kind));
    m_insert->bind(2, trimmed);
    m_insert->bind(3, key.folded);
    m_insert->step();
    m_insert->reset();
    const qint64 id = sqlite3_last_insert_rowid(m_db.handle());
    m_ids.insert(key, id);
    return id;
}

} // namespace workbench
