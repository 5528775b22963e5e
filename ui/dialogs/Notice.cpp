#include "Notice.h"

#include <QLabel>
#include <QMessageBox>

namespace workbench::ui::notice {
namespace {

Presenter &presenter()
{
    static Presenter current;
    return current;
}

} // namespace

void makePlain(QMessageBox &box)
{
    box.setTextFormat(Qt::PlainText);
    const QList<QLabel *> labels = box.findChildren<QLabel *>();
    for (QLabel *label : labels)
        label->setTextFormat(Qt::PlainText);
}

void show(QWidget *parent, Kind kind, const QString &title, const QString &text)
{
    if (presenter()) {
        presenter()(kind, title, text);
        return;
    }
    QMessageBox box(kind == Kind::Error     ? QMessageBox::Critical
                    : kind == Kind::Warning ? QMessageBox::Warning
                                            : QMessageBox::Information,
                    title, text, QMessageBox::Ok, parent);
    makePlain(box);
    box.exec();
}

void setPresenter(Presenter replacement)
{
    presenter() = std::move(replacement);
}

} // namespace workbench::ui::notice
