-- LanChat schema version 2: indexes for the file paths (issue 3 downloads and resume, issue 7 retention).
-- Never edit once shipped.

-- conversationHasFile(): authorises a download without scanning the conversation. Partial, so text
-- messages (file_sha256 NULL) do not pay for it on insert.
CREATE INDEX messages_by_file ON messages(file_sha256, conversation) WHERE file_sha256 IS NOT NULL;

-- findUpload(): resume lookup by (sender, conversation, sha256).
CREATE INDEX uploads_by_content ON uploads(sender, conversation, sha256);

-- Retention removes the oldest blobs first.
CREATE INDEX blobs_by_age ON blobs(created_ms);
