#pragma once

#include "WorkbenchError.h"

#include <QtGlobal>

#include <functional>

namespace workbench {

/// Reports `done` of `total` units of long work; returns false to ask the work to stop.
using ProgressCallback = std::function<bool(qint64 done, qint64 total)>;

/// Thrown when a ProgressCallback asked to stop; the work has been rolled back.
class Cancelled : public WorkbenchError {
public:
    Cancelled() : WorkbenchError(QStringLiteral("Cancelled; nothing was changed.")) {}
};

} // namespace workbench
