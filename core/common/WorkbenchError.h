#pragma once

#include <QString>

#include <exception>
#include <string>

namespace workbench {

/// A failure the user can act on: bad input, an unusable file, a refused operation.
/// The message is complete and ready to show (file, line, what was expected).
class WorkbenchError : public std::exception {
public:
    explicit WorkbenchError(QString message) : m_message(std::move(message)), m_utf8(m_message.toStdString()) {}

    const QString &message() const noexcept { return m_message; }
    const char *what() const noexcept override { return m_utf8.c_str(); }

private:
    QString m_message;
    std::string m_utf8;
};

} // namespace workbench
