#include "noticecomposedialog.h"

#include "protocol.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanchat {

NoticeComposeDialog::NoticeComposeDialog(const QString& groupName, QWidget* parent)
    : QDialog(parent)
    , m_hint(new QLabel(this))
    , m_edit(new QPlainTextEdit(this))
    , m_mustAck(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("noticeComposeDialog"));
    m_edit->setObjectName(QStringLiteral("noticeComposeText"));
    m_mustAck->setObjectName(QStringLiteral("noticeComposeMustAck"));
    //: %1 the group's name
    setWindowTitle(tr("Post announcement to %1").arg(groupName));
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Every member of the group gets it pinned at the top of their window."));
    m_edit->setPlaceholderText(tr("Announcement"));
    m_mustAck->setText(tr("Members must acknowledge it (\"I have read this\")"));
    m_mustAck->setChecked(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Post"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_mustAck);
    layout->addWidget(m_buttons);
    resize(440, 300);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &NoticeComposeDialog::updateState);
    updateState();
}

QString NoticeComposeDialog::text() const
{
    return m_edit->toPlainText().trimmed();
}

bool NoticeComposeDialog::mustAck() const
{
    return m_mustAck->isChecked();
}

void NoticeComposeDialog::updateState()
{
    const qsizetype bytes = text().toUtf8().size();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(bytes > 0 && bytes <= protocol::kMaxNoticeTextBytes);
}

} // namespace lanchat
