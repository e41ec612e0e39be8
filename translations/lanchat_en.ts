<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>transfer speed, %1 is a size such as "2.3 MB"</extracomment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <extracomment>remaining time in seconds</extracomment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <extracomment>remaining time in minutes</extracomment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>remaining time, %1 hours and %2 minutes</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EmojiCatalog</name>
    <message>
        <source>Smileys</source>
        <extracomment>tab of the emoji picker</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>People</source>
        <extracomment>tab of the emoji picker: hands and people</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Objects</source>
        <extracomment>tab of the emoji picker</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Symbols</source>
        <extracomment>tab of the emoji picker</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server did not understand this program. Please update LanChat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This LanChat version cannot talk to the server. Please update LanChat or the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are not logged in. Please log in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Some of the entered information is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This user name is already taken. Please choose another one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It does not exist (any more).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many attempts. Please wait a moment and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is larger than the server accepts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's disk is full. Ask your administrator to free space.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file arrived damaged (checksum mismatch). Please retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The transfer got out of step. Please retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your account has been disabled. Ask your administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server has too many connections right now. Please try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server is restarting. LanChat will reconnect by itself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server had an internal problem. Nothing was saved; please try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An unexpected error occurred (%1).</source>
        <extracomment>%1 is a technical error code such as "quota_exceeded"</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach the server. Check the address and your network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach the server. Check the address and your network. (%1)</source>
        <extracomment>%1 is the operating system's (English) description of the network error</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-up is turned off on this server. Ask your administrator for an account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The invite code is missing or wrong. Ask your administrator for the current one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saved: the file's name in the download folder is a symbolic link, and LanChat does not write through links.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You were logged out on this computer (logged out elsewhere, password changed or the login expired). Please enter your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It is too late to recall or edit this message.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This message was recalled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You were logged out: your password was changed, or you logged out your other devices. Log in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This picture cannot be used: choose a PNG or JPEG image of at most 4096 × 4096 pixels.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The company directory that checks your password cannot be reached. Please try again in a few minutes or ask your administrator.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SystemEventText</name>
    <message>
        <source>%1 created the group "%2"</source>
        <extracomment>system line in a group's history; %1 is a person, %2 the group name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 renamed the group to "%2"</source>
        <extracomment>system line in a group's history; %1 is a person, %2 the new group name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 added %2</source>
        <extracomment>system line in a group's history: %1 added %2 to the group</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 removed %2</source>
        <extracomment>system line in a group's history: %1 removed %2 from the group</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 left the group</source>
        <extracomment>system line in a group's history</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 made %2 an admin</source>
        <extracomment>system line in a group's history: the owner %1 made %2 a group admin</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 removed %2 as admin</source>
        <extracomment>system line in a group's history: the owner %1 took the admin role from %2</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 transferred ownership to %2</source>
        <extracomment>system line in a group's history: %1 made %2 the group's owner</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 dissolved the group</source>
        <extracomment>system line in a group's history</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::AccountDialog</name>
    <message>
        <source>%1 other session(s) logged out, %2 remembered device(s) forgotten.</source>
        <extracomment>after "Log out other devices": %1 how many sessions were ended, %2 how many remembered devices forgotten</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server cannot list your sessions (an older version), or you are offline.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account — %1</source>
        <extracomment>window title of the account dialog; %1 is the user's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Logged in now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Logged in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Devices that stay logged in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remembered since</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log out other devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (this device)</source>
        <extracomment>marks the row of the computer the user is using now</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log out LanChat everywhere except on this computer? Other devices have to log in with your password again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Logging out your other devices…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ActionMarkPainter</name>
    <message>
        <source>edited</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-edit</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::CaptureOverlay</name>
    <message>
        <source>Drag to select an area · Esc to cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rectangle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Arrow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close without keeping the screenshot (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy to the clipboard (Ctrl+C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send into the open conversation (Enter)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::CertificateDialog</name>
    <message>
        <source>New server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First connection to %1</source>
        <extracomment>%1 is a server address such as 192.168.1.5:7411</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LanChat has not connected to this server before. Compare this fingerprint with the one your administrator gave you; LanChat will remember it and warn you if it ever changes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It matches the fingerprint the server announced on the local network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust and connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Security warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The identity of %1 has changed!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server presented a different certificate than before. Someone may be intercepting your connection. Do not continue unless your administrator told you that the server's certificate was replaced.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Known fingerprint:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Presented fingerprint:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I have checked the new fingerprint with my administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accept new certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ClientConnection</name>
    <message>
        <source>The server's certificate does not match the one pinned for it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server sent data this program does not understand.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server speaks another version of the LanChat protocol.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server is known to use an encrypted connection; LanChat does not connect to it unencrypted.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ConnectionStatusLabel</name>
    <message>
        <source>● Connected to %1</source>
        <extracomment>status bar; %1 is the server address</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>● Connection lost — reconnecting in %n s</source>
        <translation>
            <numerusform>● Connection lost — reconnecting in %n s</numerusform>
            <numerusform>● Connection lost — reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ContactsModel</name>
    <message>
        <source>%1 (%2), online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2), offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2), presence unknown while you are offline</source>
        <extracomment>tooltip of a contact while the user's own connection is down</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2), away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2), busy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2), do not disturb</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ConversationListDelegate</name>
    <message>
        <source>[Draft]</source>
        <extracomment>prefix of a conversation's preview in the list when the user has typed something there and not sent it</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[@me]</source>
        <extracomment>prefix of a conversation's preview in the list while an unread message there mentions the user</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ConversationView</name>
    <message>
        <source>Select a conversation on the left, or start a new chat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send files (you can also drag them here or paste them)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show and manage the group's members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Muted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No desktop notifications for this conversation</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Group · %n member(s)</source>
        <translation>
            <numerusform>Group · %n member</numerusform>
            <numerusform>Group · %n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Send files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Presence unknown while you are offline</source>
        <extracomment>chat header of a private chat while the user's own connection is down</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You were removed from %1 by %2. The history stays readable; you cannot send messages here any more.</source>
        <extracomment>in a group chat the user was removed from; %1 is the group's name, %2 who removed them</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group · you are no longer a member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You were removed from %1 by an administrator. The history stays readable; you cannot send messages here any more.</source>
        <extracomment>in a group chat the server's administrator removed the user from; %1 is the group's name</extracomment>
        <translation />
    </message>
    <message>
        <source>Screenshot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take a screenshot of a screen area and send it (Ctrl+Alt+A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only administrators post here</source>
        <extracomment>under the announcement channel instead of a usable input box</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 dissolved the group %2. The history stays readable; nobody can send messages here any more.</source>
        <extracomment>in a group chat its owner dissolved; %1 is who dissolved it, %2 the group's name</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ConversationsModel</name>
    <message>
        <source>Announcements</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::EmojiButton</name>
    <message>
        <source>Insert an emoji</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::EmojiPicker</name>
    <message>
        <source>Recently used</source>
        <extracomment>heading of the emoji picker's row of emoji the user picked lately</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::FileBubblePainter</name>
    <message>
        <source>No longer available on the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued</source>
        <extracomment>a file transfer waiting for a free slot</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preparing…</source>
        <extracomment>computing the checksum of a file before it is uploaded</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uploading %1 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Downloading %1 %</source>
        <extracomment>in a file bubble, %1 is a percentage</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paused at %1 %</source>
        <extracomment>in a file bubble, %1 is a percentage</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed: %1</source>
        <extracomment>in a file bubble, %1 is why the transfer failed</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent</source>
        <extracomment>shown under a file the user sent, which other members can now download</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ForwardDialog</name>
    <message>
        <source>Forward</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Forward %n message(s) to:</source>
        <extracomment>above the list of conversations to forward the selected messages into</extracomment>
        <translation>
            <numerusform>Forward %n message to:</numerusform>
            <numerusform>Forward %n messages to:</numerusform>
        </translation>
    </message>
    <message>
        <source>Search conversations by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No conversation matches.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::GroupDialog</name>
    <message>
        <source>Leave group</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Members (%n):</source>
        <translation>
            <numerusform>Members (%n):</numerusform>
            <numerusform>Members (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>Please give the group a name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick at least one member.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (@%2), %3</source>
        <extracomment>tooltip of a member row: display name, user name, role in the group</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dissolve group</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::GroupRoleActions</name>
    <message>
        <source>Remove admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transfer ownership…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove from group…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1 from the group "%2"?</source>
        <extracomment>%1 is the member's display name, %2 the group's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Make %1 the owner of "%2"? You will stay in the group as a member.</source>
        <extracomment>%1 is the member's display name, %2 the group's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transfer ownership</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dissolve "%1" for all its members? Nobody can send messages in it any more. This cannot be undone.</source>
        <extracomment>%1 is the group's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dissolve group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave the group "%1"?</source>
        <extracomment>%1 is the group's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Leave group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You own "%1". Choose a new owner before you leave.</source>
        <extracomment>shown to the owner who wants to leave; %1 is the group's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose new owner and leave…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (admin)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose new owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New owner of "%1":</source>
        <extracomment>%1 is the group's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transfer and leave</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::HeaderProfileLink</name>
    <message>
        <source>Profile</source>
        <extracomment>button in the header of a private chat: show the other person's profile card</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show this person's profile</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::LoginDialog</name>
    <message>
        <source>LanChat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>letters, digits, . _ -</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>shown to your colleagues, e.g. 张伟</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creating your account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the server as host or host:port, e.g. 192.168.1.5:7411.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user name may only contain letters, digits, '.', '_' and '-' (at most 32).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's certificate has changed. The connection was stopped for your safety.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Invite code:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from your administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server needs an invite code to sign up. Enter the code your administrator gave you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stay logged in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in automatically when LanChat starts. The password is not stored: the server gives this computer a key that logging out or changing the password revokes.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MainWindow</name>
    <message>
        <source>About LanChat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;LanChat %1&lt;/b&gt;&lt;br&gt;Chat and file sharing for your company network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;LanChat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New &amp;chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New &amp;group…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group &amp;members…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transfers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About LanChat</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Transfers (%n active)</source>
        <translation>
            <numerusform>Transfers (%n active)</numerusform>
            <numerusform>Transfers (%n active)</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1) %2</source>
        <extracomment>window title with the number of unread messages in front</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[File] %1</source>
        <extracomment>notification text for a received file, %1 is the file name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect to the server again now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>window title: %1 is the user's display name, %2 the application name (LanChat)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit my &amp;profile…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MemberListDelegate</name>
    <message>
        <source>Owner</source>
        <extracomment>role of a member in a group, shown in the member list</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Admin</source>
        <extracomment>role of a member in a group (an admin manages members, not admins), shown in the member list</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MentionCompleter</name>
    <message>
        <source>Everyone (@%1)</source>
        <extracomment>a row of the @ completer: display name and username; everyone reads e.g. "Everyone (@all)"</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MentionController</name>
    <message>
        <source>Everyone</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MentionHighlighter</name>
    <message>
        <source>all</source>
        <extracomment>the word after @ that mentions every member of a group, as typed in a message: "@all"</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MessageActions</name>
    <message>
        <source>Forward…</source>
        <extracomment>context menu of messages: send copies of the selected messages to another conversation</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are offline: nothing was forwarded. Forward again once connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forwarded to %1</source>
        <extracomment>shown briefly beside the messages after a forward; %1 is the conversation's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not forwarded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are not a member of that conversation any more, or you may not post there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A message could not be forwarded: it no longer exists, was recalled, or its file has expired.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This server cannot forward messages. Ask the administrator to update it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection was lost before the server answered. Look in the conversation before you forward again: the messages may have arrived.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You can forward at most %1 messages at once.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting to send…</source>
        <extracomment>under an own message the client will send by itself as soon as it can (offline, server busy)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: you are not a member of this group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: you may not post in this conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: this conversation no longer exists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: the server does not accept this message (too long?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: refused by the server (%1)</source>
        <extracomment>%1 is a technical error code such as "storage_full"</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MessageEditActions</name>
    <message>
        <source>Editing message · Esc to cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re-edit</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MessageInput</name>
    <message>
        <source>Type a message — Enter to send, Shift+Enter for a new line</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MessagesModel</name>
    <message>
        <source>System</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[File] %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::NoticeBanner</name>
    <message>
        <source>Administrator</source>
        <extracomment>the author of an announcement posted by the server administrator</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Announcement from %1 · %2</source>
        <extracomment>%1 who posted the announcement, %2 when</extracomment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>(%n more waiting)</source>
        <extracomment>appended to the banner's title when more announcements wait behind this one</extracomment>
        <translation>
            <numerusform>(%n more waiting)</numerusform>
            <numerusform>(%n more waiting)</numerusform>
        </translation>
    </message>
    <message>
        <source>I have read this</source>
        <extracomment>the button that acknowledges an announcement (WeChat Work / DingTalk say 收到)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tell the author you have read this announcement</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::NoticeCardPainter</name>
    <message>
        <source>Announcement · %1</source>
        <extracomment>heading of an administrator's notice in the announcement channel; %1 is the time it was posted</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::NoticeComposeDialog</name>
    <message>
        <source>Post announcement to %1</source>
        <extracomment>%1 the group's name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every member of the group gets it pinned at the top of their window.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Announcement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Members must acknowledge it ("I have read this")</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::NoticeController</name>
    <message>
        <source>Post announcement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The announcement was not posted: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Post &amp;announcement…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Announce something to the members of this group (group owners and admins)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My a&amp;nnouncements…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::NoticeStatusDialog</name>
    <message numerus="yes">
        <source>Reminded %n person(s).</source>
        <translation>
            <numerusform>Reminded %n person.</numerusform>
            <numerusform>Reminded %n people.</numerusform>
        </translation>
    </message>
    <message>
        <source>You reminded them less than 10 minutes ago.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My announcements</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remind them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the announcement again to those who have not acknowledged it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have not posted an announcement yet.</source>
        <extracomment>%1 how many acknowledged, %2 how many received it</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acknowledged %1/%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seen %1/%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not acknowledged yet (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not seen yet (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>announcement-%1.csv</source>
        <extracomment>default file name of the acknowledgement export; keep it short, no slashes</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::OrganisationPage</name>
    <message>
        <source>Send message</source>
        <extracomment>context menu of a person in the organisation tab: open the private chat</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile</source>
        <extracomment>context menu of a person in the organisation tab: show their profile card</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No organisation chart yet.
Your administrator sets up departments on the server.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 · %n people</source>
        <extracomment>header above the people of the selected department; %1 the department, %n how many are listed</extracomment>
        <translation>
            <numerusform>%1 · %n person</numerusform>
            <numerusform>%1 · %n people</numerusform>
        </translation>
    </message>
    <message>
        <source>Create group from department</source>
        <extracomment>button for the manager of the selected department: a group chat with everyone in it and below it</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new group chat with everyone in this department and its sub-departments</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::PasswordForm</name>
    <message>
        <source>Your password was changed. Your other devices were logged out and must log in with the new password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At least %1 characters (%1 to %2 bytes; Chinese characters count 3 bytes each). Changing it logs out your other devices.</source>
        <extracomment>%1 and %2 are the shortest and longest password in bytes (8, 1024)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new password must be %1 to %2 bytes long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changing the password…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The current password is wrong. After a few wrong tries you have to wait before trying again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::PastePreviewDialog</name>
    <message>
        <source>The image could not be prepared for sending.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The image is %1; this server accepts files up to %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is %2; this server accepts files up to %3.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>… and %n more file(s) too large.</source>
        <translation>
            <numerusform>… and %n more file too large.</numerusform>
            <numerusform>… and %n more files too large.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only files can be sent, not folders: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send this image to %1?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PNG image · %1 × %2 pixels · %3</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Send %n file(s) to %1?</source>
        <translation>
            <numerusform>Send %n file to %1?</numerusform>
            <numerusform>Send %n files to %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not found, so not sent: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ProfileCard</name>
    <message>
        <source>Status unknown while you are offline</source>
        <extracomment>profile card while the user's own connection is down: nobody's status is current</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Department</source>
        <extracomment>profile card: labels before the fields</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send message</source>
        <extracomment>profile card button: open the private chat with this person</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit my profile…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ProfileDialog</name>
    <message>
        <source>Choose a picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This file is not a picture LanChat can read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The clipboard holds no picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The display name cannot be empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your display name is locked by the administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A field is too long or holds a line break or another control character.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit my profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose picture…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Display name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>🔒 Locked by the administrator: only they can change your display name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signature:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One line, up to %1 characters</source>
        <extracomment>placeholder of the signature field; %1 the most characters allowed</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>🏢 Greyed-out fields come from the company directory: ask your IT department to change them.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ProfileLink</name>
    <message>
        <source>View profile</source>
        <extracomment>menu entry and Ctrl+I on a person in a list: show their profile card</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::QuotePainter</name>
    <message>
        <source>Message recalled</source>
        <extracomment>the quote of a reply whose original its sender recalled (withdrew)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Original message is no longer available</source>
        <extracomment>the quote of a reply whose original the server no longer keeps (deleted by retention)</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ReadReceiptLabel</name>
    <message>
        <source>Read</source>
        <extracomment>read receipt beside an own message in a private chat: the peer has read it</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent</source>
        <extracomment>read receipt beside an own message in a private chat: stored, the peer has not read it yet (Chinese: 未读, as WeChat Work says)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1/%2 read</source>
        <extracomment>read receipt beside an own message in a group: %1 of the %2 other members have read it; click for names</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ReadersPopup</name>
    <message>
        <source>Who has read it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read (%1)</source>
        <extracomment>header of the names of the members who have read a group message; %1 is how many</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not read yet (%1)</source>
        <extracomment>header of the names of the members who have not read a group message yet; %1 is how many</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everyone has read it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::RecallText</name>
    <message>
        <source>An administrator recalled a message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You recalled a message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 recalled a message</source>
        <extracomment>%1 is the display name of the member who recalled the message</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ReplyBar</name>
    <message>
        <source>Replying to %1: %2</source>
        <extracomment>above the message input while writing a reply; %1 is the sender of the message answered, %2 its first line</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ReplyController</name>
    <message>
        <source>Reply</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ScreenshotTool</name>
    <message>
        <source>Wayland does not let applications take screenshots. Use your desktop's screenshot tool, then paste the picture into the chat.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The screen could not be captured.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Screenshot</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::SearchDock</name>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search messages…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the messages and files of all conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the messages and files of this conversation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::SearchFilterBar</name>
    <message>
        <source>Anyone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In: %1</source>
        <extracomment>search filter chip: only the conversation %1 is searched; clicking it searches all conversations</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching only in %1. Click to search all conversations.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom range…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When the message was sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who sent the message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Files only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find files by their name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From this day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up to and including this day</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::SearchHitDelegate</name>
    <message>
        <source>%1: </source>
        <extracomment>search result: the sender's name in front of the excerpt of their message</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::SearchPanel</name>
    <message>
        <source>Search in this conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search all messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type words or part of a Chinese phrase to find messages and files.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No messages match “%1”</source>
        <extracomment>%1 is what the user searched for</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message search is not available: this server does not offer it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not connected. Search works again once you are back online.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Words match by their beginning, Chinese anywhere in the text</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ServerChooser</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>entry of the discovered servers list: %1 server name, %2 address:port</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching the network… or type host:port</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::SettingsDialog</name>
    <message>
        <source>Download folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>host:port, used the next time you log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download folder:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show desktop notifications for new messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start minimised to the tray</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Closing the window keeps LanChat running in the tray</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Font size:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide LanChat while taking a screenshot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start with the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LanChat could not change %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Play a sound with each notification</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start LanChat when I log in to the computer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Away after idle:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> min</source>
        <extracomment>suffix of the idle minutes before the status becomes "Away"</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your status becomes Away when you have not used the computer this long, and Online again when you are back</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::Sidebar</name>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a colleague from the contacts to chat with (double-click or Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unpin</source>
        <extracomment>context menu of a conversation in the list: keep it above the others</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pin to top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search messages for “%1”</source>
        <extracomment>button under the sidebar's filtered lists; %1 is what the user typed into the sidebar's search box</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisation</source>
        <extracomment>sidebar tab with the company's department tree and its people</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send message</source>
        <extracomment>context menu of a contact: open the private chat with them</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::StatusBadgePainter</name>
    <message>
        <source>Away</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Do not disturb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>chat header of a person: %1 is their status ("Busy"), %2 the text they set ("In a meeting")</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::StatusButton</name>
    <message>
        <source>%1 · %2</source>
        <extracomment>the own status button: %1 is the user's name, %2 their status or status text</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your status: %1. Click to change it.</source>
        <extracomment>tooltip of the own status button; %1 is e.g. "Busy — In a meeting"</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::StatusMenu</name>
    <message>
        <source>Set status text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What are you up to? (at most %1 characters, shown to everyone)</source>
        <extracomment>%1 is the most characters a status text may have (64)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set status text…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear status text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::TransferItemDelegate</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking</source>
        <extracomment>computing the SHA-256 checksum of a file before sending</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transferring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed: %1</source>
        <extracomment>%1 is the reason a transfer failed</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1% · %2 of %3</source>
        <extracomment>progress of a transfer: %1 percent, %2 bytes done, %3 total size</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::TransferManager</name>
    <message>
        <source>Upload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receiving</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::TransfersPanel</name>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry all failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open download folder</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <extracomment>summary above the transfers table</extracomment>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::TrayController</name>
    <message>
        <source>Show LanChat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>LanChat — %n unread message(s)</source>
        <translation>
            <numerusform>LanChat — %n unread message</numerusform>
            <numerusform>LanChat — %n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>LanChat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>one-line form of a message notification: %1 is "Group — Sender" or "Sender", %2 the message</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>notification title for a group message: %1 is the group's name, %2 the sender's</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LanChat is still running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LanChat keeps running in the tray so you still get messages. To quit, use Quit in the tray icon's menu or in the LanChat menu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — do not disturb: only mentions of you notify</source>
        <extracomment>tray tooltip while the user's status is do-not-disturb; %1 is the usual tooltip</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::TypingIndicator</name>
    <message>
        <source>%1 is typing…</source>
        <extracomment>conversation header while others type; %1 is one name, or several joined by ", "</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 are typing…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::UnreadDividerDelegate</name>
    <message>
        <source>New messages</source>
        <extracomment>the line above the first message the user had not read when opening the chat</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::UnreadJumper</name>
    <message numerus="yes">
        <source>↑ %n new message(s)</source>
        <extracomment>floating button over a chat: scrolls up to the first message that was unread when the chat was opened</extracomment>
        <translation>
            <numerusform>↑ %n new message</numerusform>
            <numerusform>↑ %n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the first unread message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Jump to the newest message</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
