#pragma once

#include "model/Conversation.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace workbench {

class Database;
class Statement;

/// Resolves category, channel, team and agent names to their stored ids (creating rows as needed).
/// Names are trimmed of Unicode white space and matched by Unicode simple case folding; the spelling
/// first stored is kept for display (DATA.md section 1).
class DimensionCache {
public:
    explicit DimensionCache(Database &db);
    ~DimensionCache();

    /// The id for `name`, inserting it when new; nullopt for a blank name.
    std::optional<qint64> resolve(DimensionKind kind, const QString &name);

    /// Trimmed and case-folded: the key names are matched by.
    static QString matchKey(const QString &name);

private:
    std::optional<qint64> resolveFolded(DimensionKind kind, const QString &name);

    struct Key {
        int kind;
        QString folded;
        bool operator==(const Key &other) const = default;
    };
    friend size_t qHash(const Key &key, size_t seed) { return qHashMulti(seed, key.kind, key.folded); }

    QHash<Key, qint64> m_ids;
    /// The same names as they came, before trimming and folding: most rows repeat a few spellings exactly.
    QHash<Key, qint64> m_exact;
    std::unique_ptr<Statement> m_insert;
    Database &m_db;
};

} // namespace workbench
