#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace lanchat {

/**
 * "Post announcement…" for a group's owner: the text (1..4096 UTF-8 bytes) and whether the members must acknowledge
 * it (checked by default). Post is enabled only for a valid text. GUI thread.
 */
class NoticeComposeDialog : public QDialog
{
    Q_OBJECT

public:
    /** @p groupName: shown in the title. */
    explicit NoticeComposeDialog(const QString& groupName, QWidget* parent = nullptr);

    QString text() const;
    bool mustAck() const;

private:
    void updateState();

    QLabel* m_hint;
    QPlainTextEdit* m_edit;
    QCheckBox* m_mustAck;
    QDialogButtonBox* m_buttons;
};

} // namespace lanchat
