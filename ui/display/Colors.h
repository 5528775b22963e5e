#pragma once

#include "model/Conversation.h"
#include "review/Verdict.h"

#include <QColor>
#include <QPalette>

namespace workbench::ui::colors {

/// True for a dark palette (light text on dark windows).
bool isDark(const QPalette &palette);
/// The accent for series and highlights, readable on the palette's base colour.
QColor primary(const QPalette &palette);
QColor secondary(const QPalette &palette);
/// Attention: flagged figures, the hand-off marker, false and missed escalations.
QColor warning(const QPalette &palette);
/// Agreement with the AI's choice.
QColor success(const QPalette &palette);
/// The colour a verdict is shown in: warning for false and missed escalations, success otherwise.
QColor verdict(Verdict verdict, const QPalette &palette);
/// The bubble of a transcript turn: a tint of the base colour per role, so text keeps the palette's contrast.
QColor bubble(Role role, const QPalette &palette);

} // namespace workbench::ui::colors
