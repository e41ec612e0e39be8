#pragma once

#include <QByteArray>
#include <QDialog>
#include <QImage>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace lanchat {

/**
 * Asks before files or a pasted image (a screenshot) go out: a thumbnail of an image, the name and size of
 * each file, the total, and a clear message when a file is larger than the server accepts, or is a folder or gone
 * (those are left out). Send (the default button, disabled while something cannot be sent) accepts; Cancel and Esc
 * reject and nothing is sent. The dialog only asks: the caller uploads files() and imagePng() on accepted().
 */
class PastePreviewDialog : public QDialog
{
    Q_OBJECT

public:
    /**
     * @p title names the conversation the content goes to; @p maxFileBytes is the server's limit in bytes
     * (ChatClient::maxFileBytes()), 0 when unknown: then sizes are shown but not checked.
     */
    PastePreviewDialog(const QString& title, qint64 maxFileBytes, QWidget* parent = nullptr);

    /** Previews @p image, to be sent as a PNG; it is encoded here, so the size shown is the size sent. */
    void setImage(const QImage& image);
    /** Previews local files (absolute paths); only regular files can be sent. */
    void setFiles(const QStringList& paths);

    /** The image as PNG (setImage()), else empty. */
    QByteArray imagePng() const { return m_png; }
    /** The files to send (setFiles()), regular files only. */
    QStringList files() const { return m_files; }
    /** True when there is something to send and everything fits the server's limit. */
    bool canSend() const;
    /** The problem shown under the preview (too large, a folder), empty when none. */
    QString problemText() const;
    QPushButton* sendButton() const { return m_send; }

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    /** Send is the default button exactly while it is enabled. */
    void updateDefaultButton();
    void showThumbnail(const QImage& image);
    bool tooLarge(qint64 bytes) const;

    QString m_title;
    qint64 m_maxFileBytes = 0;
    QImage m_image;
    QByteArray m_png;
    QStringList m_files;
    QStringList m_skipped; ///< pasted paths that are not regular files
    QLabel* m_heading = nullptr;
    QLabel* m_thumbnail = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace lanchat
