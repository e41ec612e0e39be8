<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Arguments:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[options]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Displays version information.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown option '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Missing value after '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected value after '%1'.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::AdminContext</name>
    <message>
        <source>(server not running: the change applies at its next start)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data directory (default: the same as serve's, or data_dir of --config).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>INI configuration file (as for serve).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Also print info log lines (database opened, migrated …).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <extracomment>%1 is the database file, %2 the reason (from SQLite, in English)</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::AuditCommand</name>
    <message>
        <source>no recalled or edited messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WHEN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ACTION</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BY</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CONVERSATION</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SEQ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SENDER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ORIGINAL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>recall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the originals of recalled and edited messages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only this conversation (its id).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only actions on or after DATE (ISO 8601, local time).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export format: csv or json.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list or export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>usage: audit list|export [--format csv|json] (see audit --help)</source>
        <extracomment>the words after "usage:" are commands and options: keep them as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--conversation takes an id and --since a date such as 2026-12-01</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::BackupCommand</name>
    <message>
        <source>%1 is not a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not an SQLite database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 fails the integrity check: %2</source>
        <extracomment>%2 is SQLite's own (English) report</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a LanChat database of schema 1..%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has no users table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a consistent copy of the database to FILE (a new file); safe while the server runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The backup to write.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 exists: choose a new file name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no database at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>backup failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>backup written to %1 (%2 bytes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace the database by the backup FILE. Stop the server first; the replaced database is kept next to it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A backup written by `backup`.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the server is running on %1: stop it first (systemctl stop lanchat-server)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot keep a copy of the current database: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>current database kept as %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot give %1 to the owner of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>database restored from %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::BroadcastCommand</name>
    <message>
        <source>the first broadcast creates the group '%1': name its owner with --owner USER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no user '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot create the group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the server could not post the notice: %1</source>
        <extracomment>%1 is the server's (English) reason</extracomment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>notice posted (seq %1) and pushed to %n user(s) online</source>
        <extracomment>%1 is the message's sequence number</extracomment>
        <translation>
            <numerusform>notice posted (seq %1) and pushed to %n user online</numerusform>
            <numerusform>notice posted (seq %1) and pushed to %n users online</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot store the notice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>notice stored (seq %1); server not running: users get it at their next sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Post a system notice to everyone, in the group '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Owner of the group when the first broadcast creates it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The notice (quote it).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the text must have 1 byte to 64 KiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot add the accounts to the group</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::CheckCommand</name>
    <message>
        <source>orphan record: blob %1 has no file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>wrong size: %1 has %2 bytes, recorded %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>corrupt blob: %1 does not hash to its name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>orphan file: %1 has no upload record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>orphan file: %1 has no blob record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the database and the file store; lists every problem, exit code 1 when there is any.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no database at %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>check: ok (database and %n file(s))</source>
        <translation>
            <numerusform>check: ok (database and %n file)</numerusform>
            <numerusform>check: ok (database and %n files)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>check: %n problem(s)</source>
        <translation>
            <numerusform>check: %n problem</numerusform>
            <numerusform>check: %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::CsvReader</name>
    <message>
        <source>a quoted field is not closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a quote inside an unquoted field (quote the whole field and double it)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::DepartmentPath</name>
    <message>
        <source>invalid department path '%1' (each name 1-64 characters, separated by /)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department path '%1' is deeper than %2 levels</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::DeptCommand</name>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MANAGER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEOPLE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>give a department path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no department '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department '%1' exists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at most %1 departments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot add department '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department '%1' added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department '%1' has sub-departments or people: move or empty it first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department '%1' deleted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid department name (1-64 characters, no /)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot rename '%1' (is the name taken?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department '%1' renamed to '%2'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot move '%1' into itself or one of its sub-departments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot move '%1' (is the name taken there?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department '%1' moved to '%2'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no user '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot set the manager of '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department '%1' has no manager now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' manages '%2' now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no server is running: clients see the change when they next log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manage the department directory.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list, add, rename, move, manager or delete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>usage: dept list|add|rename|move|manager|delete (see dept --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Place an account in the directory.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Department path (/ for none).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Job title (empty for none).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>give --dept and/or --title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the title is longer than %1 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no department '%1' (add it with dept add)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot change the account '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1': department '%2', title '%3'</source>
        <extracomment>%1 username, %2 department path, %3 title</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::DeviceTokenCommand</name>
    <message>
        <source>no device of '%1' stays logged in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DEVICE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LAST USED (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot change the account '%1'</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n device(s) of '%1' must log in with the password again</source>
        <translation>
            <numerusform>%n device of '%1' must log in with the password again</numerusform>
            <numerusform>%n devices of '%1' must log in with the password again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::GroupCommand</name>
    <message>
        <source>several groups are named '%1': use the id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no group '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no user '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a group name has 1-64 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot create the group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>group '%1' created (id %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OWNER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MEMBERS</source>
        <extracomment>column header: the number of members</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (owner)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot delete the group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>group '%1' deleted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot add '%1' (already a member?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot remove '%1' (not a member?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' added to group '%2'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' removed from group '%2'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manage groups. GROUP is an id or a unique name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list, create, members, add, remove or delete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>usage: group list|create|members|add|remove|delete (see group --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (admin)</source>
        <extracomment>a group admin in `group members` (appointed by the owner in the app)</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ImportCommand</name>
    <message>
        <source>Create or update accounts and departments from a CSV file (header: username, display_name, department, title, phone, email, password; see docs/admin.md).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only check the file; change nothing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The CSV file (UTF-8).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot read '%1': %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2; nothing was imported</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n account(s) checked, the file can be imported</source>
        <translation>
            <numerusform>%n account checked, the file can be imported</numerusform>
            <numerusform>%n accounts checked, the file can be imported</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>imported: %1 created, %2 updated, %3 unchanged; %4 department(s) created</source>
        <extracomment>%1 created, %2 updated, %3 unchanged accounts, %4 departments created</extracomment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n new account(s) without a password cannot log in until one is set (user passwd)</source>
        <translation>
            <numerusform>%n new account without a password cannot log in until one is set (user passwd)</numerusform>
            <numerusform>%n new accounts without a password cannot log in until one is set (user passwd)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::LdapCommand</name>
    <message>
        <source>found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no such user under base_dn (or more than one match)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>wrong password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the directory cannot be reached</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1': %2 (%3)</source>
        <extracomment>%1 the user, %2 what went wrong, %3 detail from the directory (English)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DN:           %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>username:     %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>display name: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>password:     correct</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the directory cannot be reached (%1); nothing changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the directory returned no users; nothing changed (check base_dn and user_filter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>would be created: %1 (%2)</source>
        <extracomment>%1 the username, %2 the display name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>created: %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>would be updated: %1 (%2, %3)</source>
        <extracomment>%1 the username, %2 the display name, %3 the DN</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>updated: %1 (%2, %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>would be disabled: %1 (%2 is no longer in the directory)</source>
        <extracomment>%1 the username, %2 the DN</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>disabled: %1 (%2 is no longer in the directory)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n change(s) planned, nothing changed (dry run)</source>
        <translation>
            <numerusform>%n change planned, nothing changed (dry run)</numerusform>
            <numerusform>%n changes planned, nothing changed (dry run)</numerusform>
        </translation></message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation></message>
    <message>
        <source>Check and synchronise the accounts of the LDAP / Active Directory directory.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Also check the password read from the first line of stdin.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print the changes without making them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>test or sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>usage: ldap test USER | ldap sync [--dry-run] (see ldap --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LDAP is not enabled in the configuration file ([ldap] enabled=true)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e-mail:       %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>phone:        %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>title:        %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department:   %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>photo:        %n byte(s)</source>
        <extracomment>%n the size of the directory's photo</extracomment>
        <translation>
            <numerusform>photo:        %n byte</numerusform>
            <numerusform>photo:        %n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>would be updated: %1 (%2, %3): %4</source>
        <extracomment>%1 the username, %2 the display name, %3 the DN, %4 the fields (display_name, email, phone, photo, title, department: keep these words as they are)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>updated: %1 (%2, %3): %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>note: %1: %2</source>
        <extracomment>%1 the username, %2 what was left alone and why (English, from the server)</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write the database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1; nothing changed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::LdapConfig</name>
    <message>
        <source>ldap/%1: expected true or false, got '%2'</source>
        <extracomment>%1 is a config key, %2 the value found</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ldap/%1: expected an integer in %2..%3, got '%4'</source>
        <extracomment>%1 is a config key, %2..%3 the allowed range, %4 the value found</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ldap/preset: expected openldap or ad, got '%1'</source>
        <extracomment>openldap and ad are typed as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ldap/order: expected local,ldap or ldap,local, got '%1'</source>
        <extracomment>local,ldap and ldap,local are typed as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ldap: enabled=true needs url and base_dn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ldap/user_filter: needs %u where the login name goes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ldap/url: ldap:// without start_tls sends passwords in clear text; use ldaps://, start_tls=true, or allow_plaintext=true</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ldap/bind_password_file: cannot read %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ldap/department_from: expected dn, attribute or none, got '%1'</source>
        <extracomment>dn, attribute and none are typed as they are</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::MessageCommand</name>
    <message>
        <source>message %1 recalled</source>
        <extracomment>%1 is the sequence number of the recalled message</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot store the recall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recall a message as the administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>recall.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>usage: message recall CONVERSATION SEQ (see message --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no message %1 in conversation %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>message %1 is already recalled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the server could not recall it: %1</source>
        <extracomment>%1 is the server's (English) reason</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::NameLockCommand</name>
    <message>
        <source>cannot change the account '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>display name of '%1' locked (%2)</source>
        <extracomment>%1 a username, %2 the display name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>display name of '%1' unlocked (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::NoticeCommand</name>
    <message>
        <source>post: to every enabled account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>post: to the members of group ID.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>post: to the people of department PATH and its sub-departments (repeatable).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>post: recipients must acknowledge it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>status: write CSV to stdout.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>server not running: recipients get it at their next login</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>pushed to %n recipient(s) online</source>
        <translation>
            <numerusform>pushed to %n recipient online</numerusform>
            <numerusform>pushed to %n recipients online</numerusform>
        </translation></message>
    <message>
        <source>no department '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no group %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nobody would receive it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot store the notice</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>notice %1 posted to %n recipient(s)</source>
        <translation>
            <numerusform>notice %1 posted to %n recipient</numerusform>
            <numerusform>notice %1 posted to %n recipients</numerusform>
        </translation></message>
    <message>
        <source>(administrator)</source>
        <extracomment>the author of a notice posted with `lanchat-server notice post`</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>POSTED (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AUTHOR</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AUDIENCE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ACK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ACKNOWLEDGED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write the CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>notice %1: acknowledged by %2 of %3</source>
        <extracomment>%1 the notice id, %2 how many acknowledged, %3 how many received it</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>USER</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DISPLAY NAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ACKNOWLEDGED (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>REMINDED (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>everyone has acknowledged notice %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n recipient(s) have not acknowledged notice %1</source>
        <translation>
            <numerusform>%n recipient has not acknowledged notice %1</numerusform>
            <numerusform>%n recipients have not acknowledged notice %1</numerusform>
        </translation></message>
    <message>
        <source>Announcements, optionally to be acknowledged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>post, list, status or remind.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>usage: notice post --all|--group ID|--dept PATH… [--ack] TEXT | list | status ID [--csv] | remind ID</source>
        <extracomment>the words after "usage:" are commands and options: keep them as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the text must have 1 to %1 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no notice %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::PruneCommand</name>
    <message>
        <source>Apply retention now: delete messages older than retention_days, files older than file_retention_days and the oldest files beyond store_quota_bytes (0 = rule off).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>retention is off (retention_days, file_retention_days and store_quota_bytes are 0): nothing to do</source>
        <extracomment>retention_days, file_retention_days and store_quota_bytes are config keys: keep them as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>deleted %1 and %2 (%3 bytes)</source>
        <extracomment>%1 is "N messages", %2 "N files", %3 the bytes freed</extracomment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanchat::SearchIndex</name>
    <message>
        <source>the search index is damaged: %1</source>
        <extracomment>%1 is SQLite's own (English) report</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the search index holds %1 messages, but %2 should be searchable</source>
        <extracomment>%1 and %2 are numbers of messages</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ServeCommand</name>
    <message>
        <source>Address to listen on (default: any, IPv4+IPv6).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TCP port (default 7411; 0 = any free port).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data directory (database, keys, files).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>INI configuration file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Serve plain TCP without TLS (logs a warning).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UDP discovery port (default 7412; 0 = any free port).</source>
        <extracomment>discovery: the UDP broadcast by which the desktop app finds the server on the LAN</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Do not answer discovery probes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print the effective configuration and exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--listen: not an IP address: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a port must be 0..65535</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LanChat relay server. Subcommands: serve (default), user, group, broadcast, stats, backup, restore, check, prune; each has --help (docs/admin.md).</source>
        <extracomment>the subcommand names are typed as they are: keep them in English</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ServerCli</name>
    <message>
        <source>unknown subcommand '%1' (try: serve, user, group, stats, backup, restore, check, prune, broadcast, audit, message, dept, import, ldap, notice; see docs/admin.md)</source>
        <extracomment>the subcommand names are typed as they are: keep them in English</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::ServerConfig</name>
    <message>
        <source>%1: expected an integer in %2..%3, got '%4'</source>
        <extracomment>%1 is a config key, %2..%3 the allowed range, %4 the value found</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: expected true or false, got '%2'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot read config file %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listen: not an IP address: '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>syntax error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invite_code_file %1 is readable by every user; make it readable by the server only (chmod 600)</source>
        <extracomment>%1 is a file path; chmod 600 is a command, typed as it is</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot read invite_code_file %1: %2</source>
        <extracomment>%1 is a file path, %2 the system's reason</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invite_code_file %1: the code must be 1..%2 bytes</source>
        <extracomment>%1 is a file path, %2 a number of bytes</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>registration: expected off, open or invite, got '%1'</source>
        <extracomment>%1 is the value found; off, open and invite are typed as they are</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>registration=invite needs invite_code_file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::SqliteStorage</name>
    <message>
        <source>foreign key violation: %1 row %2 refers to a missing %3</source>
        <extracomment>%1 and %3 are table names, %2 a row id</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::StatsCommand</name>
    <message>
        <source>server not running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2</source>
        <comment>stats: online users, connections</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message>
        <source>Show usage figures of the server.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>users:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2 disabled)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>online now:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>messages:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (last 24 h: %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>files:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>database:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 bytes (%2)</source>
        <extracomment>%1 the size of the database files, %2 the path of the database</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::UserCommand</name>
    <message>
        <source>Read the password from the first line of stdin.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Display name (add: default the username; rename: set it).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid username (allowed: A-Z a-z 0-9 . _ -, 1-32)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid display name (1-64 characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the password on stdin must be 8-1024 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>USERNAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DISPLAY NAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CREATED (UTC)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>disabled</source>
        <extracomment>state of an account in `user list`</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>enabled</source>
        <extracomment>state of an account in `user list`</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>username '%1' is taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot create the account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user '%1' added (id %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>password of '%1' changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user '%1' disabled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user '%1' enabled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user '%1' deleted (their messages stay)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user '%1' renamed to '%2' (%3)</source>
        <extracomment>%1 the old username, %2 the new one, %3 the display name</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot rename '%1' (is the new name taken?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot change the account '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manage accounts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>give the password on stdin with --password-stdin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no user '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list, add, passwd, disable, enable, delete, rename, set, tokens, revoke-tokens, lock-name or unlock-name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>usage: user list|add|passwd|disable|enable|delete|rename|set|tokens|revoke-tokens|lock-name|unlock-name (see user --help)</source>
        <extracomment>the words after "usage:" are commands: keep them as they are</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>lanchat::UserImport</name>
    <message>
        <source>line %1: %2</source>
        <extracomment>%1 a line number of the CSV file, %2 what is wrong with it</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is larger than %1 MiB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file is empty (the first line is the header)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>username '%1' is already on line %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown column '%1' (known: %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>column '%1' appears twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing column '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the password column cannot be used here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 fields, but the header has %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid UTF-8 in column '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid username '%1' (allowed: A-Z a-z 0-9 . _ -, 1-32)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid display name (1-64 characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department path '%1' names a department twice (a cycle)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the title is longer than %1 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid phone number '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid email address '%1'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the password must be 8-1024 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot hash the password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot start the transaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1: cannot store the account; nothing was imported</source>
        <extracomment>%1 a line number of the CSV file</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot commit the import; nothing was imported</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
