#include "DrillDownDialog.h"

#include "DrillDownModel.h"
#include "display/Format.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace workbench::ui {

DrillDownDialog::DrillDownDialog(QWidget *parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_model(new DrillDownModel(this)), m_view(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("drill-summary"));
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_view->setObjectName(QStringLiteral("drill-list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view, &QTableView::activated, this, &DrillDownDialog::openCurrent);
    layout->addWidget(m_view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *open = buttons->addButton(tr("Open in Review"), QDialogButtonBox::ActionRole);
    connect(open, &QPushButton::clicked, this, &DrillDownDialog::openCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(860, 520);
}

void DrillDownDialog::show(const QString &title, const DrillDown &result)
{
    setWindowTitle(title);
    m_model->setRows(result.rows);
    m_summary->setText(qint64(result.rows.size()) < result.total
                           ? tr("%1 conversations; the first %2 are listed. Return or a double click opens one in "
                                "the Review page.")
                                 .arg(formatCount(result.total), formatCount(qint64(result.rows.size())))
                           : tr("%1 conversations. Return or a double click opens one in the Review page.")
                                 .arg(formatCount(result.total)));
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    QDialog::show();
    raise();
    activateWindow();
    m_view->setFocus();
}

void DrillDownDialog::openCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        Q_EMIT openRequested(m_model->row(current.row()).conversationId);
}

} // namespace workbench::ui
