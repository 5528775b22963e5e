#pragma once

#include <QString>

namespace workbench {

class Database;

/// RAII write transaction: BEGIN IMMEDIATE on construction (so two writers queue on the busy timeout
/// instead of failing mid-way), ROLLBACK on destruction unless commit() was called. A workspace that is
/// read-only or damaged refuses to begin: "`action` is not possible: why".
class Transaction {
public:
    explicit Transaction(Database &db, const QString &action = QStringLiteral("Writing to the workspace"));
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace workbench
