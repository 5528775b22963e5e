#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace workbench {

/// How figures are written for people (GUI, CLI tables, recommendation texts, the PDF), the same in every
/// locale the app runs under: English digits and grouping.

/// 30,000
QString countText(qint64 value);
/// 3,000.00 with `decimals` places; "—" for a figure that cannot be computed.
QString decimalText(const std::optional<double> &value, int decimals);
/// 24.3 % from a fraction 0..1; "—" for a figure that cannot be computed.
QString percentText(const std::optional<double> &fraction, int decimals = 1);
/// 1,774.43 USD; "—" for a figure that cannot be computed.
QString moneyText(const std::optional<double> &amount, const QString &currency);
/// +0.5 or -3.2 (a signed change with `decimals` places); "—" when unknown.
QString signedText(const std::optional<double> &value, int decimals = 1);

} // namespace workbench
