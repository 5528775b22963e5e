#include "ReasonCodesDialog.h"

#include "common/WorkbenchError.h"
#include "display/Format.h"
#include "review/ReasonCodes.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace workbench::ui {

ReasonCodesDialog::ReasonCodesDialog(Database &db, Verdict verdict, const QString &category,
                                     const QStringList &categories, QWidget *parent)
    : QDialog(parent), m_db(db), m_verdict(new QComboBox(this)), m_category(new QComboBox(this)),
      m_codes(new QListWidget(this)), m_newCode(new QLineEdit(this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Reason Codes"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    for (Verdict each :
         {Verdict::FalseEscalation, Verdict::CorrectEscalation, Verdict::MissedEscalation, Verdict::CorrectResolution})
        m_verdict->addItem(verdictLabel(each), verdictName(each));
    m_verdict->setCurrentIndex(m_verdict->findData(verdictName(verdict)));
    form->addRow(tr("&Verdict"), m_verdict);
    m_category->addItem(tr("Every category"), QString());
    for (const QString &name : categories)
        m_category->addItem(name, name);
    m_category->setCurrentIndex(std::max(0, m_category->findData(category)));
    form->addRow(tr("&Offered in"), m_category);
    layout->addLayout(form);

    auto *explanation = new QLabel(tr("Codes for every category come first; a category's own codes follow them. "
                                      "The first ten are chosen with the digit keys 1–9 and 0."),
                                   this);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);

    auto *grid = new QGridLayout;
    m_codes->setObjectName(QStringLiteral("codes"));
    grid->addWidget(m_codes, 0, 0, 4, 1);
    auto *up = new QPushButton(tr("Move &Up"), this);
    auto *down = new QPushButton(tr("Move &Down"), this);
    auto *remove = new QPushButton(tr("&Remove"), this);
    grid->addWidget(up, 0, 1);
    grid->addWidget(down, 1, 1);
    grid->addWidget(remove, 2, 1);
    m_newCode->setPlaceholderText(tr("new_code, e.g. order_history_visible"));
    m_newCode->setObjectName(QStringLiteral("new-code"));
    auto *add = new QPushButton(tr("&Add"), this);
    grid->addWidget(m_newCode, 4, 0);
    grid->addWidget(add, 4, 1);
    layout->addLayout(grid);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("message"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);

    auto move = [this](int by) {
        const int row = m_codes->currentRow();
        const int to = row + by;
        if (row < 0 || to < 0 || to >= m_codes->count())
            return;
        QStringList codes = shownCodes();
        codes.move(row, to);
        if (store(codes))
            m_codes->setCurrentRow(to);
    };
    connect(up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(down, &QPushButton::clicked, this, [move] { move(1); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_codes->currentRow();
        if (row < 0)
            return;
        QStringList codes = shownCodes();
        codes.removeAt(row);
        store(codes);
    });
    auto addTyped = [this] {
        if (addCode(m_newCode->text()))
            m_newCode->clear();
    };
    connect(add, &QPushButton::clicked, this, addTyped);
    connect(m_newCode, &QLineEdit::returnPressed, this, addTyped);
    connect(m_verdict, &QComboBox::currentIndexChanged, this, &ReasonCodesDialog::load);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ReasonCodesDialog::load);
    load();
    resize(520, 460);
}

Verdict ReasonCodesDialog::verdict() const
{
    return *verdictFromName(m_verdict->currentData().toString());
}

QString ReasonCodesDialog::category() const
{
    return m_category->currentData().toString();
}

QStringList ReasonCodesDialog::shownCodes() const
{
    QStringList codes;
    for (int row = 0; row < m_codes->count(); ++row)
        codes << m_codes->item(row)->text();
    return codes;
}

void ReasonCodesDialog::load()
{
    m_codes->clear();
    m_codes->addItems(storedReasonCodes(m_db, verdict(), category()));
}

bool ReasonCodesDialog::store(const QStringList &codes)
{
    try {
        setReasonCodes(m_db, verdict(), category(), codes);
        m_message->clear();
        load();
        return true;
    } catch (const WorkbenchError &error) {
        m_message->setText(error.message());
        load();
        return false;
    }
}

bool ReasonCodesDialog::addCode(const QString &code)
{
    return store(shownCodes() << code);
}

} // namespace workbench::ui
