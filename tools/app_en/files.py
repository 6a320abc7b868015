"""Files, storage and the command line (H33): app/ledger, owner files, the Excel check, backups,
the data file and its keys, paper forms and their scans, printing, the statistics workbook, the
audit trail's findings, and every line `python -m huiyin` prints (huiyin/*.py)."""

EN: dict[str, str] = {
    # app/audit.py: the audit trail compared with the data (check), in words
    "“{text}”": "“{text}”",
    "员工": "Staff member",
    "表单归档批次": "Form archive batch",
    "表单销毁记录": "Form destruction record",
    "季度分析归档": "Quarterly analysis archive",
    "扫描页": "Scanned page",
    "另有 {0} 处审计记录的链接不符": "and {0} more broken links in the audit trail",
    "另有 {0} 条审计记录的校验值不符": "and {0} more audit entries whose checksum does not match",
    "(不显示)": "(hidden)",
    "文件({count} 字节)": "file ({count} bytes)",
    "签名({count} 笔)": "signature ({count} strokes)",
    "另有 {0} 条记录在审计记录中没有新建记录": "and {0} more records with no creation entry in the audit trail",
    "另有 {0} 处数据与审计记录不符": "and {0} more values that differ from the audit trail",
    "另有 {0} 条审计记录中有的记录在数据中没有": "and {0} more records the audit trail has but the data lacks",
    "审计记录的链头校验值不符:链头被改动(可能有记录从末尾被删除后又改了链头)": (
        "The audit trail's head checksum does not match: the head was changed "
        "(entries may have been removed from the end and the head rewritten)"
    ),
    "审计记录末尾被删除或改动(应有 {head_count} 条,实有 {count} 条)": (
        "The end of the audit trail was removed or changed ({head_count} entries expected, {count} found)"
    ),
    "上次核对到第 {entry_id} 条为止完好,此后该条被删除或改动:请做完整校验": (
        "The last check found the trail intact up to entry {entry_id}, which has since been removed "
        "or changed: run a full check"
    ),
    "审计记录第 {entry_id} 条之前的记录被删除、插入或改动(链接不符)": (
        "Entries before audit entry {entry_id} were removed, inserted or changed (broken link)"
    ),
    "审计记录的链头缺失(链头被删除)": "The audit trail's head is missing (it was deleted)",
    "{what} {name} 在审计记录中没有新建记录:它是绕过程序直接写进数据库的,或者它的审计记录被删除了": (
        "{what} {name} has no creation entry in the audit trail: it was written into the database "
        "past the program, or its audit entries were deleted"
    ),
    "没有登录,无法用本服务中心的密钥核对审计记录。请登录后再检查。": (
        "Not logged in: the audit trail cannot be checked with this office's key. Log in and check again."
    ),
    "审计记录第 {entry_id} 条({what})的校验值不是用本服务中心的密钥算出的:记录被改动或添加后,有人用不带密钥的算法重新计算过": (
        "The checksum of audit entry {entry_id} ({what}) was not made with this office's key: "
        "the entry was changed or added, and someone recomputed it without the key"
    ),
    "审计记录第 {entry_id} 条({what})的内容被改动(校验值不符)": (
        "Audit entry {entry_id} ({what}) was changed (its checksum does not match)"
    ),
    "审计记录的链头已损坏,无法读取": "The audit trail's head is damaged and cannot be read",
    "{what} {name} 的{field}与审计记录不符:记录为{recorded},数据为{actual}": (
        "{field} of {what} {name} differs from the audit trail: the trail says {recorded}, the data {actual}"
    ),
    "审计记录中有{what} {name},数据中却没有:它被删除了,而审计记录中没有删除记录": (
        "The audit trail has {what} {name} but the data does not: it was deleted without a deletion entry"
    ),
    # app/backup.py
    "无法写入备份文件夹 {folder},备份没有完成(数据本身不受影响)。请检查 U 盘或网络盘是否连接正常,或另选一个文件夹。": (
        "Cannot write to the backup folder {folder}; the backup was not made (the data itself is not "
        "affected). Check that the USB stick or network drive is connected, or choose another folder."
    ),
    "备份文件夹 {folder} 不存在:U 盘未插入?请插上 U 盘(或连接网络盘)后再备份,或在“备份与恢复”中另选文件夹。备份不会写到本机硬盘上代替它。": (
        "The backup folder {folder} does not exist: is the USB stick plugged in? Plug it in (or connect "
        "the network drive) and back up again, or choose another folder in “Backup and restore”. "
        "The backup is never written to this PC's disk instead."
    ),
    "数据文件夹 {folder} 里{what},但找到了这个服务中心的 {count} 个备份,所以不会当作新的服务中心重新开始(那样原来的数据就看不到了)。最近的备份是 {newest}({at:%Y-%m-%d %H:%M})。": (
        "The data folder {folder}: {what}, but {count} backups of this office were found, so it is not "
        "started as a new office (the old data would be out of sight). The newest backup is {newest} "
        "({at:%Y-%m-%d %H:%M}). "
    ),
    "备份文件夹 {folder} 所在的磁盘已满,备份没有完成(没有留下不完整的文件,数据本身不受影响)。请删除 U 盘上不需要的文件或换一个空间更大的 U 盘,然后再备份。": (
        "The disk of the backup folder {folder} is full; the backup was not made (no partial file was "
        "left, the data itself is not affected). Delete files you do not need from the USB stick or use "
        "a larger one, then back up again."
    ),
    "备份文件夹 {folder} 是只读的或没有写入权限,备份没有完成(数据本身不受影响)。请检查 U 盘的写保护开关,或在“备份与恢复”中另选一个可以写入的文件夹。": (
        "The backup folder {folder} is read-only or may not be written to; the backup was not made (the "
        "data itself is not affected). Check the USB stick's write-protect switch, or choose a folder "
        "that can be written to in “Backup and restore”."
    ),
    "数据文件是空的(0 字节)": "the data file is empty (0 bytes)",
    "没有数据文件": "there is no data file",
    "请用管理员登录恢复它:{command}": "Log in as an administrator and restore it: {command}",
    "找不到备份文件 {backup}": "Backup file {backup} not found",
    "备份文件 {name} 是空的(0 字节),不能用于恢复。请换一个备份。": (
        "The backup file {name} is empty (0 bytes) and cannot be restored. Choose another backup."
    ),
    "{name} 是没有加密的数据文件(别的程序的文件,或加密之前的旧备份),看不出是这个服务中心的备份,不能用于恢复。请选这个服务中心加密后的备份。": (
        "{name} is an unencrypted data file (another program's file, or an old backup from before "
        "encryption); it cannot be told to be this office's backup and cannot be restored. Choose an "
        "encrypted backup of this office."
    ),
    "{name} 里没有服务中心的标识,看不出是这个服务中心的备份,不能用于恢复。": (
        "{name} carries no office identity; it cannot be told to be this office's backup and cannot be restored."
    ),
    "{name} 是另一个服务中心的备份,不能恢复到这里。": "{name} is another office's backup and cannot be restored here.",
    "{name} 来自更新版本的回音(结构版本 {schema_version},本程序只认识到 {known}),请先升级程序再恢复。": (
        "{name} comes from a newer Huiyin (schema version {schema_version}; this program knows up to "
        "{known}). Upgrade the program first, then restore."
    ),
    "备份文件 {name} 已损坏,不能用于恢复:{problems}": "The backup file {name} is damaged and cannot be restored: {problems}",
    "恢复前请先关闭数据文件(退出回音的窗口)。": "Close the data file before restoring (quit Huiyin's window).",
    "备份文件 {name} 未通过检查,不能用于恢复:{problems}": (
        "The backup file {name} failed the check and cannot be restored: {problems}"
    ),
    "请先把备份旁的密钥文件 {keys_file} 复制到数据文件夹并改名为 {keys},然后用管理员登录恢复它:{command}": (
        "First copy the key file beside the backup, {keys_file}, into the data folder and rename it "
        "{keys}; then log in as an administrator and restore it: {command}"
    ),
    "请先把原来的密钥文件 {keys} 放回数据文件夹,然后用管理员登录恢复它:{command}": (
        "First put the original key file {keys} back in the data folder; then log in as an "
        "administrator and restore it: {command}"
    ),
    "无法打开:没有登录,不能读取加密的数据": "Cannot open: not logged in, the encrypted data cannot be read",
    "无法打开:文件已损坏,或者不是这个服务中心的数据": "Cannot open: the file is damaged, or it is not this office's data",
    "完整性检查:{detail}": "Integrity check: {detail}",
    "外键不符": "Foreign key mismatch",
    "外键不符:{table} 第 {rowid} 行指向不存在的 {parent}": (
        "Foreign key mismatch: row {rowid} of {table} points to a {parent} that does not exist"
    ),
    "不是有效的数据文件(已损坏)": "Not a valid data file (damaged)",
    "请先登录:备份是加密的,需要服务中心的密钥才能读取。": (
        "Log in first: the backup is encrypted and needs the office's key to be read."
    ),
    "{name} 无法用这个服务中心的密钥打开:它不是这个服务中心的备份,或者已经损坏。": (
        "{name} cannot be opened with this office's key: it is not this office's backup, or it is damaged."
    ),
    "{name} 不是回音的数据文件,或者已经损坏。": "{name} is not a Huiyin data file, or it is damaged.",
    "还没有成功的备份": "No successful backup yet",
    "备份文件夹 {folder} 不可写": "The backup folder {folder} cannot be written to",
    '数据文件夹 {folder} 里{what},但密钥文件 {keys} 表明这里原有服务中心“{office}”的数据,所以不会当作新的服务中心重新开始。请插上存放备份的 U 盘,用管理员登录后从最近的备份恢复(python -m huiyin --data-dir "{folder}" --user 管理员登录名 restore 备份文件)。': (
        "The data folder {folder}: {what}, but the key file {keys} shows that it held the data of the "
        "office “{office}”, so it is not started as a new office. Plug in the USB stick with the "
        "backups, log in as an administrator and restore the newest backup "
        '(python -m huiyin --data-dir "{folder}" --user ADMIN-LOGIN restore BACKUP-FILE).'
    ),
    "管理员登录名": "ADMIN-LOGIN",
    "备份文件夹 {folder} 不是一个文件夹(同名的是一个文件)。请另选备份文件夹。": (
        "The backup folder {folder} is not a folder (a file has that name). Choose another backup folder."
    ),
    "数据未通过检查,这次备份不能算作可靠的备份(已另存为“{name}”,只作留底):{problems}。请管理员查看审计记录、运行 python -m huiyin check 找出原因,必要时从最近的好备份恢复。": (
        "The data failed the check, so this backup cannot count as a reliable one (it was kept as "
        "“{name}”, for the record only): {problems}. An administrator should look at the audit trail "
        "and run python -m huiyin check to find the cause, and restore the newest good backup if needed."
    ),
    "备份成功并已校验({size:.1f} MB),轮换删除 {removed} 个旧备份": (
        "Backup made and verified ({size:.1f} MB); {removed} old backups rotated out"
    ),
    "备份成功并已校验({size:.1f} MB)": "Backup made and verified ({size:.1f} MB)",
    "备份副本与数据不一致(审计记录或签名的条数不同)": (
        "The backup copy differs from the data (the number of audit entries or signatures differs)"
    ),
    "最近一次成功备份在 {last_good:%Y-%m-%d %H:%M},已超过 {days} 天": (
        "The last successful backup was on {last_good:%Y-%m-%d %H:%M}, more than {days} days ago"
    ),
    "上次备份失败": "The last backup failed",
    "备份文件夹 {folder} 找不到(U盘或网络盘未连接?)": (
        "The backup folder {folder} cannot be found (USB stick or network drive not connected?)"
    ),
    "没有登录,不能读取加密的备份": "Not logged in: the encrypted backup cannot be read",
    "备份文件 {name} 无法打开:{reason}": "The backup file {name} cannot be opened: {reason}",
    "请先登录:备份是加密的,恢复要用服务中心的密钥(用管理员登录后再恢复)。": (
        "Log in first: the backup is encrypted and restoring needs the office's key (log in as an "
        "administrator, then restore)."
    ),
    # app/db.py
    "数据文件 {path} 还没有加密,需要先转换(用管理员登录一次即可自动转换)。": (
        "The data file {path} is not encrypted yet and must be converted first (logging in once as an "
        "administrator converts it)."
    ),
    "数据文件来自更新的版本(结构版本 {current},本程序只认识到 {known}),请升级程序。": (
        "The data file comes from a newer version (schema version {current}; this program knows up to "
        "{known}). Upgrade the program."
    ),
    "数据文件无法打开({path})。请从最近的备份恢复。": "The data file cannot be opened ({path}). Restore the newest backup.",
    "数据文件 {path} 无法用这个服务中心的密钥打开:它已损坏,或者不是这个服务中心的数据。请从最近的备份恢复。": (
        "The data file {path} cannot be opened with this office's key: it is damaged, or it is not this "
        "office's data. Restore the newest backup."
    ),
    # app/errors.py
    "数据无法保存,刚才的操作没有保存。请重试;仍不行请把日志文件交给管理员。": (
        "The data could not be saved; what you just did was not saved. Try again; if it still fails, "
        "give the log file to the administrator."
    ),
    "无法保存{name}:{words}": "Cannot save {name}: {words}",
    "磁盘已满,刚才的操作没有保存(已保存的数据不受影响)。请清理磁盘空间(或换一个有空间的 U 盘/文件夹)后重试。": (
        "The disk is full; what you just did was not saved (the data saved before is not affected). "
        "Free some disk space (or use a USB stick or folder with room) and try again."
    ),
    "文件超过了这块磁盘允许的大小(FAT32 格式的 U 盘单个文件最大 4 GB),刚才的操作没有保存。请换一个 NTFS/exFAT 格式的磁盘或文件夹后重试。": (
        "The file is larger than this disk allows (a FAT32 USB stick holds files of at most 4 GB); what "
        "you just did was not saved. Use an NTFS or exFAT disk or folder and try again."
    ),
    "文件正被另一个程序(例如 Excel 或 PDF 阅读器)打开,刚才的操作没有保存。请先关闭它再重试。": (
        "The file is open in another program (Excel or a PDF reader, for example); what you just did "
        "was not saved. Close it and try again."
    ),
    "这块磁盘是只读的(U 盘的写保护开关?光盘?),刚才的操作没有保存,已有的数据不受影响。请换一个可以写入的文件夹(数据文件夹可用 --data-dir 指定)。": (
        "This disk is read-only (the USB stick's write-protect switch? a CD?); what you just did was not "
        "saved, the existing data is not affected. Use a folder that can be written to (the data folder "
        "can be given with --data-dir)."
    ),
    "这个文件夹是只读的或没有写入权限,刚才的操作没有保存,已有的数据不受影响。请换一个有写入权限的文件夹(数据文件夹可用 --data-dir 指定),或请电脑管理员开放这个文件夹的权限。": (
        "This folder is read-only or may not be written to; what you just did was not saved, the "
        "existing data is not affected. Use a folder you may write to (the data folder can be given with "
        "--data-dir), or ask the PC's administrator to open this folder to you."
    ),
    "文件夹不存在(U 盘拔出了?网络盘断开了?),刚才的操作没有保存。请插好 U 盘或换一个文件夹后重试。": (
        "The folder does not exist (USB stick pulled out? network drive disconnected?); what you just "
        "did was not saved. Plug the USB stick in or choose another folder and try again."
    ),
    "读写磁盘时出错(U 盘松动或损坏?),刚才的操作可能没有保存。请检查磁盘后重试,必要时换一个 U 盘。": (
        "The disk failed to read or write (a loose or damaged USB stick?); what you just did may not "
        "have been saved. Check the disk and try again, with another USB stick if need be."
    ),
    "数据文件已损坏。请用“从备份恢复”(命令:python -m huiyin restore 备份文件)恢复最近的好备份。": (
        "The data file is damaged. Use “Restore from backup” (command: python -m huiyin restore "
        "BACKUP-FILE) to restore the newest good backup."
    ),
    "数据文件正被占用(另一个窗口或一次导入正在写入),刚才的操作没有保存。请稍等片刻再保存一次,填写的内容还在。": "The data file is busy (another window or an import is writing to it); what you just did was not saved. Wait a moment and save again: what you typed is still there.",
    "“{name}”": "“{name}”",
    "文件": "the file",
    "无法保存{name}:这个文件可能正在 Excel 或 PDF 阅读器中打开,请先关闭它再重试;也可能是文件夹“{folder}”没有写入权限,那就请换一个文件夹。": (
        "Cannot save {name}: the file may be open in Excel or a PDF reader; close it and try again. Or "
        "the folder “{folder}” may not be written to; then choose another folder."
    ),
    "无法保存{name}:文件夹“{folder}”是只读的或没有写入权限。请换一个文件夹保存。": (
        "Cannot save {name}: the folder “{folder}” is read-only or may not be written to. Save in another folder."
    ),
    "无法保存{name}:文件夹“{folder}”不存在(U 盘拔出了?)。请插好 U 盘或换一个位置保存。": (
        "Cannot save {name}: the folder “{folder}” does not exist (USB stick pulled out?). Plug the USB "
        "stick in or save somewhere else."
    ),
    "无法保存{name}:系统拒绝了写入。请换一个位置保存,仍不行请把日志交给管理员。": (
        "Cannot save {name}: the system refused to write it. Save somewhere else; if it still fails, "
        "give the log to the administrator."
    ),
    "无法保存{name}:这个文件夹是只读的或没有写入权限。请换一个文件夹保存。": (
        "Cannot save {name}: this folder is read-only or may not be written to. Save in another folder."
    ),
    "无法保存{name}:文件夹不存在(U 盘拔出了?)。请插好 U 盘或换一个位置保存。": (
        "Cannot save {name}: the folder does not exist (USB stick pulled out?). Plug the USB stick in or "
        "save somewhere else."
    ),
    # app/form_scans.py
    "{parts}。": "{parts}.",
    "找不到文件“{name}”。请确认文件还在原来的位置。": "File “{name}” not found. Check that it is still where it was.",
    "“{name}”是一个文件夹。请选择文件夹里的扫描件文件。": "“{name}” is a folder. Choose the scan files in it.",
    "文件“{name}”是空的(0 字节)。请重新扫描或重新拷贝这个文件。": (
        "The file “{name}” is empty (0 bytes). Scan it again or copy it again."
    ),
    "文件“{name}”里没有页面。请重新扫描。": "The file “{name}” has no pages. Scan it again.",
    "文件“{name}”有 {pages} 页,一次最多读 {limit} 页。请在扫描仪上分成几份(每份不超过 {limit} 页)扫描后再导入。": (
        "The file “{name}” has {pages} pages; at most {limit} are read at a time. Scan it in parts of "
        "at most {limit} pages and import those."
    ),
    "照片“{name}”是 HEIC 格式,程序读不了。请在手机相机设置里选“兼容性最佳”(JPEG)后重拍,或把照片导出为 JPEG 再导入。": (
        "The photo “{name}” is in HEIC format, which the program cannot read. Choose “Most compatible” "
        "(JPEG) in the phone's camera settings and take it again, or export the photo as JPEG and import that."
    ),
    "读不出编号的页已留在“待手工匹配”中,请对照图片输入编号。": (
        "Pages whose number could not be read are waiting in “To match by hand”: type the number from the picture."
    ),
    "{number}:已附加。{note}": "{number}: attached. {note}",
    "台账里没有编号 {number}(可能不是本服务中心打印的表),这一页没有附加": (
        "The ledger has no form {number} (perhaps not printed by this office); this page was not attached"
    ),
    "{number} 已作废,这一页没有附加。作废的表不能再用;如确实用它做了回访,请找主管处理": (
        "{number} is void; this page was not attached. A void form cannot be used again; if a visit was "
        "really recorded on it, ask a supervisor."
    ),
    "{number} 已登记销毁,这一页没有附加。请核对纸质表的编号": (
        "{number} is recorded as destroyed; this page was not attached. Check the number on the paper form"
    ),
    "{number} 当前为“{state}”(还没有确认打印完成),这一页没有附加。打印完成后再导入": (
        "{number} is “{state}” (its printing is not confirmed yet); this page was not attached. Import it "
        "once the printing is done"
    ),
    "文件“{name}”无法读取(没有权限或正被占用)。请关闭占用它的程序后再试。": (
        "The file “{name}” cannot be read (no permission, or it is in use). Close the program using it and try again."
    ),
    "PDF“{name}”已损坏或不完整(可能没有传完),无法读取。请从扫描仪重新导出或重新扫描这份文件。": (
        "The PDF “{name}” is damaged or incomplete (perhaps not fully copied) and cannot be read. Export "
        "it from the scanner again or scan it again."
    ),
    "“{name}”不是 PDF,也不是图片(JPEG/PNG/TIFF),无法读取。请选择扫描仪生成的 PDF 或手机拍的照片。": (
        "“{name}” is neither a PDF nor a picture (JPEG/PNG/TIFF) and cannot be read. Choose the "
        "scanner's PDF or a phone photo."
    ),
    "共读 {pages} 页:{attached} 页已附加到表单(其中 {returned} 张表已标记交回)": (
        "{pages} pages read: {attached} attached to their forms ({returned} forms marked returned)"
    ),
    "共读 {pages} 页:{attached} 页已附加到表单": "{pages} pages read: {attached} attached to their forms",
    "{count} 个文件无法读取": "{count} files could not be read",
    "已取消:已读的页面已保存,其余没有导入。": "Cancelled: the pages read are kept, the rest were not imported. ",
    "空白页,已跳过(没有保存)": "Blank page, skipped (not kept)",
    "这一页已导入过,仍在“待手工匹配”中(没有重复保存)": (
        "This page was imported before and is still in “To match by hand” (not kept twice)"
    ),
    "{problem},已留待手工匹配": "{problem}; kept for matching by hand",
    "{number}:已附加,回访结果已录入,表单已标记交回": (
        "{number}: attached; the visit's result is entered, the form is marked returned"
    ),
    "{number} 已作废(作废原因:{reason}),这一页没有附加。作废的表不能再用;如确实用它做了回访,请找主管处理": (
        "{number} is void (reason: {reason}); this page was not attached. A void form cannot be used "
        "again; if a visit was really recorded on it, ask a supervisor."
    ),
    "这一页已经附在表单上了": "This page is already attached to a form",
    "已附在表单上的扫描页不能在这里删除": "A scanned page attached to a form cannot be deleted here",
    "表单已是“{state}”": "the form is already “{state}”",
    "回访结果录入后,表单会标记交回": "the form is marked returned once the visit's result is entered",
    "PDF“{name}”有密码保护,程序打不开。请在扫描仪或 PDF 软件里去掉密码后再导入。": (
        "The PDF “{name}” is password-protected and cannot be opened. Remove the password in the scanner "
        "or PDF software and import it again."
    ),
    "“{name}”是 {format} 图片,程序只读 PDF、JPEG、PNG 和 TIFF。请另存为其中一种后再导入。": (
        "“{name}” is a {format} picture; the program reads only PDF, JPEG, PNG and TIFF. Save it as one "
        "of those and import it again."
    ),
    "图片“{name}”太大,无法读取。请用正常分辨率重新扫描或拍照。": (
        "The picture “{name}” is too large to read. Scan or photograph it again at a normal resolution."
    ),
    "图片“{name}”已无法打开(文件在读取时被改动或删除),请重新导入": (
        "The picture “{name}” can no longer be opened (the file was changed or deleted while being read); import it again"
    ),
    "读不出二维码(可能被遮挡、污损或拍得太模糊)": "The QR code cannot be read (covered, soiled or too blurred?)",
    "{status} {count} 页": "{status}: {count} pages",
    "这一页无法读取": "This page cannot be read",
    "这一页已导入过,已附在 {number} 上(没有重复保存)": (
        "This page was imported before and is attached to {number} (not kept twice)"
    ),
    "格式应为 HF-年份-序号,例如 HF-2026-000123": "Write it as HF-year-number, e.g. HF-2026-000123",
    "未能标记交回:{reason}": "could not be marked returned: {reason}",
    ",": ", ",
    "这张图片不完整或已损坏,无法读取,请重新拍照或扫描": (
        "This picture is incomplete or damaged and cannot be read; photograph or scan it again"
    ),
    "这一页无法读取(文件可能已损坏),请重新扫描这一页": (
        "This page cannot be read (the file may be damaged); scan this page again"
    ),
    "PDF“{name}”已无法打开(文件在读取时被改动或删除),请重新导入": (
        "The PDF “{name}” can no longer be opened (the file was changed or deleted while being read); import it again"
    ),
    "{file} 第 {page} 页": "{file}, page {page}",
    # app/forms.py
    "{year} 年第 {quarter} 季度": "Q{quarter} {year}",
    "(案件 {number})": " (case {number})",
    "季度写法不对:“{value}”。请写成年份加季度,如 2026Q3": "“{value}” is not a quarter. Write the year and the quarter, e.g. 2026Q3",
    "{number} 是空白表,没有记录任何回访:用过的表请指明它记录的回访;没有用过的表不能交回,请作废并写明原因": (
        "{number} is a blank form that records no visit: for a used form, name the visit it records; an "
        "unused form cannot be returned, void it and give the reason"
    ),
    "{number} 是为回访 #{id} 开出的,不能记作回访 #{visit} 的表": (
        "{number} was issued for visit #{id} and cannot be recorded as the form of visit #{visit}"
    ),
    "回访 #{id} 还没有录入结果:请先在回访记录中录入结果并填写表单编号 {number}(保存时本表自动记为交回);这张表没有用上的话,请作废并写明原因": (
        "Visit #{id} has no result yet: enter the result in the visit record with form number {number} "
        "(the form is marked returned when it is saved); if the form was not used, void it and give the reason"
    ),
    "回访 #{id} 已记录在 {form_no} 上,{number} 不能再记作这次回访的表": (
        "Visit #{id} is recorded on {form_no}; {number} cannot also be recorded as its form"
    ),
    "不能晚于今天": "cannot be later than today",
    "请列出销毁的表单编号": "list the numbers of the forms destroyed",
    "回访 #{id} 的回访记录表 {number} 正在打印,请等这次打印完成后再打印": (
        "The visit record form {number} of visit #{id} is being printed; wait until that printing is done"
    ),
    "回访 #{visit_id} 的回访记录表 {number} 正在打印,请等这次打印完成后再打印": (
        "The visit record form {number} of visit #{visit_id} is being printed; wait until that printing is done"
    ),
    "台账里没有编号为“{number}”的回访记录表": "The ledger has no visit record form numbered “{number}”",
    "{number} 当前为“{state}”,不能领用": "{number} is “{state}” and cannot be handed out",
    "{number} 当前为“{state}”,不能交回": "{number} is “{state}” and cannot be returned",
    "{number} 当前为“{state}”,不能作废": "{number} is “{state}” and cannot be voided",
    "台账里没有编号为“{typed}”的回访记录表:请核对表上印的编号(如 HF-2026-000123)": (
        "The ledger has no visit record form numbered “{typed}”: check the number printed on the form "
        "(e.g. HF-2026-000123)"
    ),
    "{number} 已作废,不能用来记录回访;请填写这次回访实际使用的表号。作废原因:{void_reason}": (
        "{number} is void and cannot record a visit; enter the number of the form this visit really used. "
        "Reason it was voided: {void_reason}"
    ),
    "{number} 当前为“{state}”:还没有确认打印成功,不能用来记录回访;打印完成后再保存": (
        "{number} is “{state}”: its printing is not confirmed yet, so it cannot record a visit; save once "
        "the printing is done"
    ),
    "{number} 当前为“{state}”,不能用来记录回访": "{number} is “{state}” and cannot record a visit",
    "{number} 已用于回访 #{id}{case_words},不能再用于这次回访": (
        "{number} is already used for visit #{id}{case_words} and cannot be used for this visit"
    ),
    "{number} 是为回访 #{visit_id}{case_words}开出的,不是这次回访的表:请填写这次回访的表号": (
        "{number} was issued for visit #{visit_id}{case_words}, not for this visit: enter this visit's form number"
    ),
    "{number} 是空白表,台账上还没有人领用:请先在表单台账中登记领用(领用人在《回访记录签收表》上签收),再保存回访记录": (
        "{number} is a blank form nobody has taken out in the ledger: record who took it in the form "
        "ledger first (they sign the visit form sign-out sheet), then save the visit record"
    ),
    "{number} 已交回,不能再用于这次回访": "{number} is already returned and cannot be used for this visit",
    "{number} 由{taker}领用,不是这次回访的回访人{visitor}领用的:请填写回访人自己领用的表号,或先改回访人": (
        "{number} was taken out by {taker}, not by this visit's visitor {visitor}: enter a form the "
        "visitor took out, or change the visitor first"
    ),
    "他人": "someone else",
    "{label}还没有结束:{opens:%Y-%m-%d} 起才能归档": "{label} has not ended: its forms can be filed from {opens:%Y-%m-%d}",
    "{label}没有交回或作废的表单,无需归档": "{label} has no returned or voided forms; nothing to file",
    "{label}的待归档清单已有变化:请重新查看清单后再归档": (
        "The list of {label}'s forms to file has changed: look at the list again, then file"
    ),
    "以下表单不能登记销毁:{forms}。其余编号也未登记,请改正后重试": (
        "These forms cannot be recorded as destroyed: {forms}. The other numbers were not recorded "
        "either; correct the list and try again"
    ),
    "一次可打印 1 到 500 份": "1 to 500 forms can be printed at a time",
    "请填写回访编号或案件编号": "Enter a visit number or a case number",
    "没有编号为 {ref} 的回访": "There is no visit numbered {ref}",
    "没有案件编号为“{ref}”的案件": "There is no case numbered “{ref}”",
    "案件 {number} 还没有回访": "Case {number} has no visit yet",
    "{label}的表单已于 {archived_at:%Y-%m-%d %H:%M} 由 {archived_by} 归档,没有新的待归档表单": (
        "{label}'s forms were filed on {archived_at:%Y-%m-%d %H:%M} by {archived_by}; there are no new forms to file"
    ),
    "{number} 台账里没有": "{number}: not in the ledger",
    "{number} 已于 {day:%Y-%m-%d} 由 {person} 销毁": "{number}: destroyed on {day:%Y-%m-%d} by {person}",
    "{number} 还没有归档({state})": "{number}: not filed yet ({state})",
    "{number} 须保管到 {until:%Y-%m-%d}": "{number}: must be kept until {until:%Y-%m-%d}",
    "文件太大(最多 20 MB)": "The file is too large (20 MB at most)",
    # app/health.py
    "数据文件已损坏,未能逐条核对审计记录、签名和数据。请从最近的好备份恢复。": (
        "The data file is damaged; the audit trail, signatures and data could not be checked one by one. "
        "Restore the newest good backup."
    ),
    "数据文件已损坏,有的记录读不出来,无法逐条核对审计记录、签名和数据。请从最近的好备份恢复。": (
        "The data file is damaged and some records cannot be read, so the audit trail, signatures and "
        "data cannot be checked one by one. Restore the newest good backup."
    ),
    # app/instance.py
    "回音已经在使用这个数据文件夹({folder})。请切换到已打开的窗口;如果确认没有打开,请重启电脑后再试。": (
        "Huiyin is already using this data folder ({folder}). Switch to the window that is open; if you "
        "are sure none is, restart the PC and try again."
    ),
    # app/keyring.py
    "密钥文件 {path} 不是本程序能识别的格式。": "The key file {path} is not in a format this program knows.",
    "密码连续输错 {limit} 次,账户已锁定,请 {wait} 分钟后再试,或请管理员解锁": (
        "The password was wrong {limit} times in a row and the account is locked: try again in {wait} "
        "minutes, or ask an administrator to unlock it"
    ),
    "登录名或密码不对(再错 {left} 次将锁定账户)": (
        "Wrong login name or password ({left} more wrong tries lock the account)"
    ),
    "这个数据文件夹没有设置恢复密钥。": "This data folder has no recovery key.",
    "恢复密钥不对。请对照设立时打印的恢复密钥单逐字输入(不区分大小写,短横线可省略)。": (
        "Wrong recovery key. Type it letter by letter from the recovery key sheet printed at set-up "
        "(case does not matter, the dashes may be left out)."
    ),
    "数据文件夹 {data_dir} 里没有密钥文件 {keys},无法打开加密的数据。": (
        "The data folder {data_dir} has no key file {keys}; the encrypted data cannot be opened."
    ),
    "密钥文件 {path} 已损坏,无法读取。请把备份文件夹里的 huiyin-….keys 文件复制到数据文件夹,改名为 {keys}。": (
        "The key file {path} is damaged and cannot be read. Copy the huiyin-….keys file from the backup "
        "folder into the data folder and rename it {keys}."
    ),
    "密码连续输错 {limit} 次,账户锁定 {minutes} 分钟": (
        "The password was wrong {limit} times in a row; the account is locked for {minutes} minutes"
    ),
    # app/ledger: reading an office's Excel, every value it cannot read named by row and column
    "找不到编号为“{number}”的案件": "There is no case numbered “{number}”",
    "“{value}”看不出楼栋和房号,应为 楼栋-单元-房号(例如 3-2-501)或 5栋1单元1203室": (
        "“{value}” names no building and room: write building-unit-room (e.g. 3-2-501) or 5栋1单元1203室"
    ),
    "“{value}”不是日期时间,应为 YYYY-MM-DD HH:MM": "“{value}” is not a date and time; write YYYY-MM-DD HH:MM",
    "“{value}”没有年份,表格标题和文件名里也找不到年份,请写成 YYYY-MM-DD": (
        "“{value}” has no year, and neither the sheet's title nor the file name gives one; write YYYY-MM-DD"
    ),
    "日期 {date:%Y-%m-%d} 不在 2000 至 2099 年之间": "The date {date:%Y-%m-%d} is not between 2000 and 2099",
    "“{part}”应写成 列名=字段,例如 投诉事由=内容": "Write “{part}” as column=field, e.g. 投诉事由=内容",
    "“{field}”不是可导入的字段,可用:{allowed}": "“{field}” is not a field that can be imported; these can: {allowed}",
    "“{value}”不是有效的日期": "“{value}” is not a valid date",
    "未导入:{reason}": "Not imported: {reason}",
    "已导出 {count} 件到 {file}": "{count} cases exported to {file}",
    "已导出 {count} 人到 {file}": "{count} people exported to {file}",
    "已取消,未导入任何内容": "Cancelled; nothing was imported",
    "发现 {count} 处错误,未导入任何内容。请改正后重新导入,或选择“跳过错误行”。": (
        "{count} errors found; nothing was imported. Correct them and import again, or choose “Skip rows with errors”."
    ),
    "导入 {count} 人(其中 {updated} 人已在名册中,已更新)": (
        "{count} people imported ({updated} already on the list were updated)"
    ),
    "导入 {count} 人": "{count} people imported",
    "导入 {count} 件": "{count} cases imported",
    "新增类别:{names}": "New categories: {names}",
    "新增部门:{names}": "New departments: {names}",
    "跳过 {rows} 行,已写入 {file}": "{rows} rows skipped, written to {file}",
    "{count} 处空格保留了原有资料(要清除请在业主档案中修改)": (
        "{count} blank cells kept what was on file (to clear a value, change it in the owner's file)"
    ),
    "、": ", ",
    "必须填写楼栋和房号": "the building and the room must be filled in",
    "缺少必需的列:房号(第{row}行应有 楼栋 和 房号 两列,或一列写全房号,例如 3-2-501;也可在对应关系中指定哪一列是它)": (
        "A required column is missing: 房号 (row {row} should have the two columns 楼栋 and 房号, or one "
        "column with the whole room, e.g. 3-2-501; or name the column that holds it in the mapping)"
    ),
    "与第{row}行重复(同一房号、同一姓名)": "repeats row {row} (same room, same name)",
    "{column}:{reason}": "{column}: {reason}",
    "工作表“{sheet}”{message}": "Sheet “{sheet}”, {message}",
    "工作表“{sheet}”第{row}行:编号“{identity}”在第一个工作表里没有": (
        "Sheet “{sheet}”, row {row}: the number “{identity}” is not in the first sheet"
    ),
    "与第{row}行的表单编号“{number}”重复": "repeats the form number “{number}” of row {row}",
    "表单编号“{number}”已在表单台账中": "the form number “{number}” is already in the form ledger",
    "填写了编号,必须填写第几次回访(整数)": "a number is given, so the visit's attempt (a whole number) must be filled in",
    "“{value}”应为整数": "“{value}” should be a whole number",
    "“{value}”应为 1 至 20 的整数": "“{value}” should be a whole number from 1 to 20",
    "工作表“{sheet}”里没有标题为“{value}”的公开信": "sheet “{sheet}” has no open letter titled “{value}”",
    "状态为“已完成”,必须填写回访时间": "the state is “已完成” (done), so the visit time must be filled in",
    "已完成的回访必须填写满意度(以公开信答复的除外)": (
        "a visit that is done must have a satisfaction (unless it was answered by an open letter)"
    ),
    "第{row}行:缺标题或发出时间": "Row {row}: the title or the time sent is missing",
    "列“{header}”({field})": "column “{header}” ({field})",
    "列“{header}”": "column “{header}”",
    "{header}({field})": "{header} ({field})",
    "“{value}”应为 是 或 否": "“{value}” should be 是 (yes) or 否 (no)",
    "“{value}”不是时间,应为 HH:MM,例如 14:30": "“{value}” is not a time; write HH:MM, e.g. 14:30",
    "是公式,请复制该列后用“选择性粘贴→数值”变成普通值再导入": (
        "is a formula: copy the column and use “Paste Special → Values” to make plain values, then import"
    ),
    "被 Excel 当作日期/时间了,请把该列设为“文本”后重新输入": (
        "was taken by Excel as a date or time: format the column as “Text” and type the values again"
    ),
    "“{value}”不是日期。请写成 YYYY-MM-DD HH:MM,或把单元格设为日期格式": (
        "“{value}” is not a date. Write YYYY-MM-DD HH:MM, or format the cell as a date"
    ),
    "“{value}”是数字,不是日期。请写成 YYYY-MM-DD HH:MM,或把单元格设为日期格式": (
        "“{value}” is a number, not a date. Write YYYY-MM-DD HH:MM, or format the cell as a date"
    ),
    "只有时间没有日期,应为 YYYY-MM-DD HH:MM": "a time without a date; write YYYY-MM-DD HH:MM",
    "“{value}”不在可选项中:{choices}": "“{value}” is not one of the choices: {choices}",
    "号码被 Excel 当作数字存过({value:g}),可能已丢失数字,请把该列设为文本后重新输入": (
        "the number was stored by Excel as a number ({value:g}) and may have lost digits: format the "
        "column as Text and type it again"
    ),
    "身份证号被 Excel 当作数字,末几位可能已丢失,请把该列设为文本后重新输入": (
        "Excel took the ID number as a number and its last digits may be lost: format the column as Text "
        "and type it again"
    ),
    "“{value}”只能是字母或数字(最多 10 位)": "“{value}” may only be letters or digits (10 at most)",
    "填写了单元或房号,必须同时填写楼栋": "a unit or room is given, so the building must be filled in too",
    "填写了楼栋,必须同时填写房号": "a building is given, so the room must be filled in too",
    "{word}({meaning})": "{word} ({meaning})",
    "第{row}行 {column}:{reason}": "Row {row}, {column}: {reason}",
    "第{row}行:{reason}": "Row {row}: {reason}",
    "状态为“已合并”,必须填写并入哪一件的编号": "the state is “已合并” (merged), so the number of the case it joined must be filled in",
    "填写了并入,状态却是“{state}”": "a case to merge into is given, but the state is “{state}”",
    "状态为“{state}”,必须填写责任部门": "the state is “{state}”, so the responsible department must be filled in",
    "状态为“已关闭”,必须填写关闭时间": "the state is “已关闭” (closed), so the time closed must be filled in",
    "有回访时间,必须填写满意度": "a visit time is given, so the satisfaction must be filled in",
    "与第{row}行的编号“{ref}”重复": "repeats the number “{ref}” of row {row}",
    "填写了办结时间,必须填写处理结果(没有处理结果不能办结)": (
        "a time resolved is given, so the result must be filled in (a case cannot be resolved without one)"
    ),
    "状态为“{state}”,却填写了办结时间": "the state is “{state}”, but a time resolved is given",
    "状态为“{state}”,必须填写办结时间": "the state is “{state}”, so the time resolved must be filled in",
    "填写了作废原因,状态却是“{state}”": "a reason for voiding is given, but the state is “{state}”",
    "未填": "not filled in",
    "“{quarter}”应写成 2026-Q3 这样": "write “{quarter}” like 2026-Q3",
    "有回访记录,但表中没有回访日期,也没有完成日期,请补上回访日期列": (
        "there is a visit record, but the sheet has no visit date and no completion date: add a visit date column"
    ),
    "填写了回访内容,必须填写回访时间": "the visit is described, so the visit time must be filled in",
    "与第{row}行的案件号“{number}”重复": "repeats the case number “{number}” of row {row}",
    "案件号“{number}”已被另一件使用": "the case number “{number}” is already used by another case",
    "{name} 已损坏或不是 Excel 能正常保存的格式,无法读取。请在 Excel 中打开它并另存为 .xlsx 后再导入;若 Excel 也打不开,请找回原来的文件": (
        "{name} is damaged or not in a format Excel saves, and cannot be read. Open it in Excel and save "
        "it as .xlsx, then import it; if Excel cannot open it either, find the original file"
    ),
    "找不到文件 {path}": "File {path} not found",
    "只能导入 .xlsx 文件(Excel 2007 及以后),{name} 不是。请在 Excel 中另存为 .xlsx": (
        "Only .xlsx files (Excel 2007 and later) can be imported, and {name} is not one. Save it as .xlsx in Excel"
    ),
    "{name} 里没有工作表": "{name} has no worksheet",
    "{name} 的第一个工作表是空的": "The first worksheet of {name} is empty",
    "前{rows}行没有找到表头。表头行应是列名,例如:{required}(可用的列:{known})": (
        "No header row in the first {rows} rows. The header row holds the column names, e.g. {required} "
        "(columns that can be read: {known})"
    ),
    "第{row}行没有找到表头。表头行应是列名,例如:{required}(可用的列:{known})": (
        "Row {row} is not a header row. The header row holds the column names, e.g. {required} "
        "(columns that can be read: {known})"
    ),
    "缺少必需的列:{missing}(第{row}行应有这些列名,或在对应关系中指定哪一列是它)": (
        "Required columns are missing: {missing} (row {row} should have these column names, or name the "
        "column that holds each in the mapping)"
    ),
    "第{row}行:列“{name}”出现了两次": "Row {row}: the column “{name}” appears twice",
    "第{row}行:列“{first}”和列“{name}”都对应“{field}”,请在对应关系中只保留一列": (
        "Row {row}: the columns “{first}” and “{name}” both go to “{field}”; keep only one of them in the mapping"
    ),
    "原第{row}行:{reason}": "Row {row} of the original: {reason}",
    # app/omr.py (kept with a page to look at; shown with term())
    "这一页不平整(折痕、卷曲或拍斜太多),角标对不上,无法可靠读取": (
        "This page is not flat (folds, curl or a slanted photo) and its corner marks do not line up; it "
        "cannot be read reliably"
    ),
    "有很淡或很小的笔迹,请看图确认": "There is a very faint or small mark; check it on the picture",
    "一行里有涂黑的方框和其他记号(可能是改选),请看图确认": (
        "A row has a filled box and other marks (perhaps a changed answer); check it on the picture"
    ),
    "二维码的位置读不准,无法摆正这一页": "The QR code's position cannot be read precisely; the page cannot be straightened",
    "有涂黑的方框(可能是改选),请看图确认": "There is a filled box (perhaps a changed answer); check it on the picture",
    "角标的位置不对,无法摆正这一页": "The corner marks are not where they should be; the page cannot be straightened",
    # app/owner_files.py
    "只能是{choices}": "must be one of {choices}",
    "太长({count} 字),最多 {limit} 字": "too long ({count} characters), {limit} at most",
    "房号 {room} 已有名为“{name}”的住户": "Room {room} already has an occupant named “{name}”",
    "找不到业主(编号 {id})": "Owner not found (number {id})",
    "第{row}行 {column}是空的,保留了原来的{field}(要清除请在业主档案中修改)": (
        "Row {row}, {column} is blank: the {field} on file was kept (to clear it, change it in the owner's file)"
    ),
    # app/print_jobs.py (the short words are kept in the form ledger: shown with term())
    "缺纸": "Out of paper",
    "打印机“{0}”缺纸,请加纸后再打印。": "The printer “{0}” is out of paper. Add paper and print again.",
    "卡纸": "Paper jam",
    "打印机“{0}”卡纸,请清除卡纸后再打印。": "The printer “{0}” has a paper jam. Clear it and print again.",
    "打印机离线": "Printer offline",
    "打印机“{0}”离线,请检查打印机电源和连接线后再打印。": (
        "The printer “{0}” is offline. Check its power and cable and print again."
    ),
    "打印机盖未关": "Printer cover open",
    "打印机“{0}”的盖子没有关好,请关好后再打印。": "The printer “{0}” has its cover open. Close it and print again.",
    "墨粉用完": "Out of toner",
    "打印机“{0}”墨粉(墨水)用完,请更换后再打印。": "The printer “{0}” is out of toner (ink). Replace it and print again.",
    "打印服务(CUPS)没有运行,无法打印。请启动系统的打印服务,或请管理员检查打印机设置。": (
        "The print service (CUPS) is not running, so nothing can be printed. Start the system's print "
        "service, or ask the administrator to check the printer settings."
    ),
    "打印服务未运行": "Print service not running",
    "找不到打印机“{name}”。请选择一台已安装的打印机(可用 lpstat -p 查看打印机名称)。": (
        "Printer “{name}” not found. Choose an installed printer (lpstat -p lists the printers' names)."
    ),
    "找不到打印机": "Printer not found",
    "打印服务没有给出任务编号({said})。请检查打印机。": "The print service gave no job number ({said}). Check the printer.",
    "打印服务出错": "Print service error",
    "正在检查打印机…": "Checking the printer…",
    "正在送往打印机…": "Sending to the printer…",
    "文件夹“{folder}”不存在(U 盘未插入?)。请换一个位置保存。": (
        "The folder “{folder}” does not exist (USB stick not plugged in?). Save somewhere else."
    ),
    "没有权限写入文件夹“{folder}”(只读或被保护)。请换一个文件夹。": (
        "The folder “{folder}” may not be written to (read-only or protected). Choose another folder."
    ),
    "“{folder}”所在的磁盘只剩 {free:.1f} MB,保存 {pages} 页约需 {need:.1f} MB。请清理磁盘或换一个位置。": (
        "The disk of “{folder}” has only {free:.1f} MB free; saving {pages} pages needs about {need:.1f} MB. "
        "Free some space or save somewhere else."
    ),
    "({message})": " ({message})",
    "打印机“{name}”已停用{why}。请检查打印机,在系统的打印机设置中恢复(启用)后再打印。": (
        "The printer “{name}” is stopped{why}. Check it, resume (enable) it in the system's printer "
        "settings and print again."
    ),
    "打印机已停用": "Printer stopped",
    "打印机“{name}”暂停接收打印任务{why}。请在系统的打印机设置中恢复后再打印。": (
        "The printer “{name}” is not accepting jobs{why}. Resume it in the system's printer settings and print again."
    ),
    "打印机不接收任务": "Printer not accepting jobs",
    "打印机“{name}”报告故障({errors})。请检查打印机后再打印。": (
        "The printer “{name}” reports a fault ({errors}). Check the printer and print again."
    ),
    "打印机故障": "Printer fault",
    "打印服务没有接受这份任务({said})。请检查打印机后再打印。": (
        "The print service did not accept the job ({said}). Check the printer and print again."
    ),
    "打印服务拒绝": "Refused by the print service",
    "打印时出错({error})。请重试;仍不行请把日志交给管理员。": (
        "Printing failed ({error}). Try again; if it still fails, give the log to the administrator."
    ),
    "程序出错": "Program error",
    "无法保存“{path}”({reason})。请换一个位置。": "Cannot save “{path}” ({reason}). Save somewhere else.",
    "无法保存 PDF": "PDF not saved",
    "排队等待打印机": "Waiting for the printer",
    "任务被挂起": "Job held",
    "打印机正在打印": "Printing",
    "打印机已停止": "Printer stopped",
    "打印中止": "Printing aborted",
    "打印完成": "Printed",
    "打印服务拒绝查询打印机“{name}”。请检查打印机设置。": (
        "The print service refused to report on the printer “{name}”. Check the printer settings."
    ),
    "打印服务长时间没有响应,任务没有送出。请检查打印服务后再打印。": (
        "The print service did not answer for a long time and the job was not sent. Check the print "
        "service and print again."
    ),
    "打印服务无响应": "Print service not answering",
    "打印机“{printer}”暂停接收打印任务。请在系统的打印机设置中恢复后再打印。": (
        "The printer “{printer}” is not accepting jobs. Resume it in the system's printer settings and print again."
    ),
    "打印服务找不到刚送出的任务。请到打印机旁查看是否已打印。": (
        "The print service cannot find the job just sent. Check at the printer whether it was printed."
    ),
    "任务丢失": "Job lost",
    "{state},已打印 {pages} 面": "{state}, {pages} sides printed",
    "{state}(打印机:{message})": "{state} (printer: {message})",
    "没有权限写入“{path}”。请换一个文件夹或检查权限。": (
        "“{path}” may not be written to. Choose another folder or check the permissions."
    ),
    "无法保存 PDF(没有权限)": "PDF not saved (no permission)",
    "文件夹“{parent}”不存在。请换一个位置保存。": "The folder “{parent}” does not exist. Save somewhere else.",
    "无法保存 PDF(文件夹不存在)": "PDF not saved (no such folder)",
    "磁盘已满,无法保存“{path}”。请清理磁盘或换一个位置。": (
        "The disk is full and “{path}” cannot be saved. Free some space or save somewhere else."
    ),
    "无法保存 PDF(磁盘已满)": "PDF not saved (disk full)",
    "打印任务在打印机“{name}”上被取消,没有打印完。": "The job was cancelled at the printer “{name}” before it was printed.",
    "任务在打印机上被取消": "Cancelled at the printer",
    "打印机“{name}”处理这份任务时出错({reason})。请检查打印机后再打印。": (
        "The printer “{name}” failed while handling the job ({reason}). Check the printer and print again."
    ),
    "打印机处理任务出错": "Printer failed the job",
    "打印机“{name}”未能完成这份任务({reasons})。请检查打印机后再打印。": (
        "The printer “{name}” did not finish the job ({reasons}). Check the printer and print again."
    ),
    # app/printdata.py (what printed forms say of a case)
    "{kind}·{severity}": "{kind} · {severity}",
    "{old:%m-%d %H:%M} → {new:%m-%d %H:%M},{approver}批准:{reason}": (
        "{old:%m-%d %H:%M} → {new:%m-%d %H:%M}, approved by {approver}: {reason}"
    ),
    "第{attempt}次 {state} {method} {satisfaction} {day:%Y-%m-%d}": (
        "Visit {attempt}: {state} {method} {satisfaction} {day:%Y-%m-%d}"
    ),
    "第{attempt}次 {state},应于 {due} 前": "Visit {attempt}: {state}, due by {due}",
    # app/stats_export.py: the quarterly workbook's sheets and columns (sheet names: 31 characters at most)
    "回访统计表": "Visit statistics",
    "上期回访统计": "Previous visit statistics",
    "处理宗数": "Handled",
    "只要求书面答复": "Written reply only",
    "取消回访": "Visit cancelled",
    "应回访宗数": "Visits due",
    "回访宗数": "Visited",
    "回访率": "Visit rate",
    "目标": "Target",
    "应访未访案件": "Cases due but not visited",
    "受理": "Received",
    "处理情况": "Handling",
    "指标": "Measure",
    "办结率": "Resolution rate",
    "逾期件数": "Overdue cases",
    "延期件数": "Extended cases",
    "首次响应中位数(小时)": "First response, median (hours)",
    "首次响应P90(小时)": "First response, P90 (hours)",
    "办结用时中位数(小时)": "Time to resolve, median (hours)",
    "办结用时P90(小时)": "Time to resolve, P90 (hours)",
    "户数": "Households",
    "投诉率(每户)": "Complaint rate (per household)",
    "首次回复超时率": "Late first reply rate",
    "明确答复超时件数": "Late clear answers",
    "转交开发商:{label}": "Referred to the developer: {label}",
    "联系函": "Letters",
    "已发出": "Sent",
    "开发商已回复": "Answered by the developer",
    "投诉类别": "Complaint categories",
    "投诉有效性": "Complaint validity",
    "投诉程度": "Complaint severity",
    "投诉楼栋": "Complaints by building",
    "被投诉方": "Complained about",
    "部门/人员": "Department / person",
    "件数": "Cases",
    "逾期案件": "Overdue cases",
    "案件编号": "Case number",
    "不满意回访": "Dissatisfied visits",
    "意见": "Opinion",
    "第几次": "Attempt",
    "重复投诉": "Repeat complaints",
    "重复维修": "Repeat repairs",
    "次数": "Times",
    "细类未填": "Subcategory not given",
    "回访人员": "Visitors",
    "计划": "Planned",
    "完成": "Done",
    "典型案例": "Typical cases",
    "说明": "Note",
    "改进措施与说明": "Improvements and notes",
    "(未填写)": "(not filled in)",
    "本期:{period}": "This period: {period}",
    "对比期间:{period}": "Compared with: {period}",
    # app/xlsx_check.py: a file refused before it is read
    "{name} 实际是旧的 .xls 格式(Excel 97-2003),只是改了扩展名。请在 Excel 中打开它,“另存为 → Excel 工作簿(*.xlsx)”后再导入": (
        "{name} is really an old .xls file (Excel 97-2003) with its extension changed. Open it in Excel, "
        "use “Save As → Excel Workbook (*.xlsx)” and import that"
    ),
    "PDF 文件": "a PDF file",
    "图片(PNG)": "a picture (PNG)",
    "图片(JPEG)": "a picture (JPEG)",
    "图片(TIFF)": "a picture (TIFF)",
    "RAR 压缩包": "a RAR archive",
    "7z 压缩包": "a 7z archive",
    "{name} 不是有效的 Excel 文件,可能是别的文件改了扩展名,或文件已损坏。请在 Excel 中打开它并另存为 .xlsx 后再导入": (
        "{name} is not a valid Excel file: another file with its extension changed, or a damaged one. "
        "Open it in Excel and save it as .xlsx, then import it"
    ),
    "{label}超过 {words},超过了可导入的上限。请按年份分成几个文件分别导入": (
        "{label} has more than {words}, more than can be imported. Split it by year into several files "
        "and import each"
    ),
    "读取磁盘时出错(U 盘松动或损坏?)。请把文件复制到本机后再导入": (
        "Reading the disk failed (a loose or damaged USB stick?). Copy the file to this PC and import it from there"
    ),
    "{count} 行": "{count} rows",
    "{count} 字": "{count} characters",
    "{count} 万行": "{count}0,000 rows",
    "{count} 万字": "{count}0,000 characters",
    "第 {number} 张工作表“{name}”": "worksheet {number} “{name}”",
    "{name} 不是有效的 Excel 文件:它实际是网页(HTML/XML)格式的表格,只是扩展名是 .xlsx。请在 Excel 中打开它,“另存为 → Excel 工作簿(*.xlsx)”后再导入": (
        "{name} is not a valid Excel file: it is really a web page (HTML/XML) table with an .xlsx "
        "extension. Open it in Excel, use “Save As → Excel Workbook (*.xlsx)” and import that"
    ),
    "{name} 不是有效的 Excel 文件:它实际是文本文件(例如 CSV),只是扩展名是 .xlsx。请在 Excel 中打开它,“另存为 → Excel 工作簿(*.xlsx)”后再导入": (
        "{name} is not a valid Excel file: it is really a text file (a CSV, for example) with an .xlsx "
        "extension. Open it in Excel, use “Save As → Excel Workbook (*.xlsx)” and import that"
    ),
    "其中的部件 {filename} ": "its part {filename} ",
    "其中的部件 {name} ": "its part {name} ",
    "其中的工作簿目录(workbook.xml)": "its workbook list (workbook.xml)",
    "其中的工作簿关系(workbook.xml.rels)": "its workbook relations (workbook.xml.rels)",
    "其中的文字表(sharedStrings)": "its shared text table (sharedStrings)",
    "{label}{where}有 {words},超过上限 {limit} 字(Excel 一个单元格最多放这么多)。请检查文件,删去或缩短这个单元格后再导入": (
        "{label}{where} holds {words}, more than the limit of {limit} characters (all an Excel cell can "
        "hold). Check the file, delete or shorten that cell, then import"
    ),
    "的单元格 {ref} ": ", cell {ref},",
    "的某个单元格": ", one cell,",
    "没有权限读取这个文件(或它正被其他程序独占打开)。请关闭打开它的程序,或把文件复制到桌面后再导入": (
        "This file may not be read (or another program holds it open). Close that program, or copy the "
        "file to the desktop and import it from there"
    ),
    "文件不见了(被移动、删除,或 U 盘已拔出)。请重新选择文件": (
        "The file is gone (moved, deleted, or the USB stick was pulled out). Choose the file again"
    ),
    "{name} 是空文件(0 字节),里面没有表格。请确认选对了文件,或重新从 Excel 保存一次": (
        "{name} is empty (0 bytes) and holds no sheet. Check that it is the right file, or save it from Excel again"
    ),
    "{name} 有 {size},超过了可导入的上限 {limit}。请确认选对了文件;台账太大时请按年份分成几个文件分别导入": (
        "{name} is {size}, more than the {limit} that can be imported. Check that it is the right file; "
        "split a large ledger by year into several files and import each"
    ),
    "{name} 设了打开密码,程序无法读取。请在 Excel 中打开它,在“文件 → 信息 → 保护工作簿 → 用密码进行加密”里清空密码,保存后再导入": (
        "{name} has an opening password and cannot be read. Open it in Excel, clear the password under "
        "“File → Info → Protect Workbook → Encrypt with Password”, save, then import"
    ),
    "{name} 不是有效的 Excel 文件:它实际是{kind},只是扩展名是 .xlsx。请确认选对了文件(要导入的是 Excel 台账或名册)": (
        "{name} is not a valid Excel file: it is really {kind} with an .xlsx extension. Check that it is "
        "the right file (an Excel ledger or owners list is wanted)"
    ),
    "{name} 不是有效的 Excel 文件(里面没有工作簿的内容),可能是别的文件改了扩展名。请确认选对了文件,或在 Excel 中另存为 .xlsx 后再导入": (
        "{name} is not a valid Excel file (it holds no workbook), perhaps another file with its extension "
        "changed. Check that it is the right file, or save it as .xlsx in Excel, then import"
    ),
    "{name} 里有 {count} 个部件,超过上限 {limit} 个,不像是普通的台账。请检查文件": (
        "{name} has {count} parts, more than the limit of {limit}; it does not look like a normal ledger. Check the file"
    ),
    "{name} 的内容被压缩软件加了密码,程序无法读取。请去掉密码后另存为 .xlsx 再导入": (
        "The contents of {name} were given a password by a compression tool and cannot be read. Remove the "
        "password, save it as .xlsx, then import"
    ),
    "{name} 解压后有 {size},超过上限 {limit}(文件本身只有 {file_size},内容被异常压缩)。请检查文件,不要导入来历不明的表格": (
        "{name} unpacks to {size}, more than the limit of {limit} (the file itself is only {file_size}: its "
        "contents are abnormally compressed). Check the file; do not import sheets of unknown origin"
    ),
    "{name} 里有一段 {words}的文字,超过一个单元格的上限 {limit} 字。请检查文件,删去或缩短这段文字后再导入": (
        "{name} holds a text of {words}, more than a cell's limit of {limit} characters. Check the file, "
        "delete or shorten that text, then import"
    ),
    "{name} 已损坏:工作表 {value} 不见了。请在 Excel 中打开并另存为 .xlsx 后再导入": (
        "{name} is damaged: its worksheet {value} is missing. Open it in Excel and save it as .xlsx, then import"
    ),
    "{name} {what}含有文档类型声明(DTD),Excel 保存的文件不会有。为安全起见不导入,请检查文件来源": (
        "{name}: {what}contains a document type declaration (DTD), which files Excel saves never have. "
        "For safety it is not imported; check where the file came from"
    ),
    "无法读取 {name}:{reason}": "Cannot read {name}: {reason}",
    "{name} 已损坏,无法读取(压缩数据不完整)。请在 Excel 中打开它并另存为 .xlsx 后再导入;若 Excel 也打不开,请找回原来的文件": (
        "{name} is damaged and cannot be read (its compressed data is incomplete). Open it in Excel and "
        "save it as .xlsx, then import; if Excel cannot open it either, find the original file"
    ),
    "{name} 是 OpenDocument 表格(WPS/LibreOffice 的 .ods 格式)。请在 WPS 或 Excel 中“另存为 → Excel 工作簿(*.xlsx)”后再导入": (
        "{name} is an OpenDocument spreadsheet (the .ods format of WPS/LibreOffice). Use “Save As → Excel "
        "Workbook (*.xlsx)” in WPS or Excel and import that"
    ),
    "{name} {what}解压后有 {size},超过上限 {limit}。请确认选对了文件;台账太大时请按年份分成几个文件分别导入": (
        "{name}: {what}unpacks to {size}, more than the limit of {limit}. Check that it is the right file; "
        "split a large ledger by year into several files and import each"
    ),
    "{name} 已损坏:{what}不是完好的 XML(第 {lineno} 行第 {offset} 列:{value})。请在 Excel 中打开它并另存为 .xlsx 后再导入;若 Excel 也打不开,请找回原来的文件": (
        "{name} is damaged: {what}is not well-formed XML (line {lineno}, column {offset}: {value}). Open it "
        "in Excel and save it as .xlsx, then import; if Excel cannot open it either, find the original file"
    ),
    "{name} 已损坏:{what}不见了。请在 Excel 中打开并另存为 .xlsx 后再导入": (
        "{name} is damaged: {what}is missing. Open it in Excel and save it as .xlsx, then import"
    ),
    "{label}的单元格 {ref} 在第 {column} 列,超过上限 {limit} 列。请删去表格右边多余的列后再导入": (
        "{label}: cell {ref} is in column {column}, past the limit of {limit} columns. Delete the extra "
        "columns on the right of the sheet, then import"
    ),
}

# The command line (huiyin/*.py): its help, its prompts, its results and its refusals
EN.update(
    {
        # argparse's own words (huiyin/cli.py ARGPARSE_WORDS): English is what argparse says itself
        "用法:": "usage: ",
        "位置参数": "positional arguments",
        "选项": "options",
        "显示这段帮助后退出": "show this help message and exit",
        "显示程序的版本号后退出": "show program's version number and exit",
        "缺少必需的参数:%s": "the following arguments are required: %s",
        "%(value)r 不在可选项中(可选:%(choices)s)": "invalid choice: %(value)r (choose from %(choices)s)",
        "不认识的参数:%s": "unrecognized arguments: %s",
        "参数 %(argument_name)s:%(message)s": "argument %(argument_name)s: %(message)s",
        "需要一个值": "expected one argument",
        "至少需要一个值": "expected at least one argument",
        "最多一个值": "expected at most one argument",
        "%(value)r 不是有效的 %(type)s 值": "invalid %(type)s value: %(value)r",
        "不能与参数 %s 同时使用": "not allowed with argument %s",
        "须给出参数 %s 之一": "one of the arguments %s is required",
        "选项 %(option)s 不明确,可能是 %(matches)s": "ambiguous option: %(option)s could match %(matches)s",
        "没有命令 %(parser_name)r(可用:%(choices)s)": "unknown parser %(parser_name)r (choices: %(choices)s)",
        "回音 物业投诉回访管理": "Huiyin: complaints and follow-up visits for a property office",
        "数据文件夹(默认:系统用户数据目录,或环境变量 HUIYIN_DATA)": (
            "data folder (default: the user's data folder, or the HUIYIN_DATA environment variable)"
        ),
        "回音 {version}": "Huiyin {version}",
        "消息的语言:zh_CN、zh_TW 或 en(默认:这台电脑在设置里选的语言)": (
            "language of the messages: zh_CN, zh_TW or en (default: the language chosen on this PC)"
        ),
        "登录名(除 init、recover 外每个命令都要登录)": "login name (every command but init and recover logs in)",
        "从标准输入的第一行读取密码(不加则在提示时输入,不显示)": (
            "read the password from the first line of standard input (otherwise it is asked for, without echo)"
        ),
        "新建数据文件夹:服务中心名称和第一个管理员(显示一次恢复密钥)": (
            "set up a new data folder: the office's name and the first administrator (shows the recovery key once)"
        ),
        "服务中心名称": "the office's name",
        "管理员姓名": "the administrator's name",
        "从标准输入读取密码": "read the password from standard input",
        "管理员忘记密码:用设立时打印的恢复密钥设新密码(标准输入:第一行恢复密钥,第二行新密码)": (
            "an administrator forgot the password: set a new one with the recovery key printed at set-up "
            "(standard input: the recovery key on the first line, the new password on the second)"
        ),
        "要重设密码的管理员登录名": "login name of the administrator whose password is reset",
        "填入两年的演示数据": "fill in two years of demonstration data",
        '改正自动识别的列对应,如 "投诉事由=内容,序号=编号,备注=不导入"(先不加此项运行可看到自动对应)': (
            'correct the columns\' automatic mapping, e.g. "投诉事由=内容,序号=编号,备注=不导入" '
            "(run without it first to see the automatic mapping)"
        ),
        "从 Excel 案件台账导入(也可以是服务中心自己的登记表)": (
            "import an Excel case ledger (the office's own register will do)"
        ),
        "导入正确的行,错误行另存到旁边的文件": "import the good rows; the rows with errors go to a file beside it",
        "从 Excel 导入业主名册(也可以是服务中心自己的花名册)": (
            "import an Excel owners list (the office's own roster will do)"
        ),
        "把案件导出为 Excel 台账(含回访、重大投诉报告,可再导入)": (
            "export the cases as an Excel ledger (with visits and major complaint reports; it imports back)"
        ),
        "把业主名册导出为 Excel(含完整电话和身份证号,记入审计)": (
            "export the owners list to Excel (with full phone and ID numbers; recorded in the audit trail)"
        ),
        "也导出已迁出的住户": "export occupants who moved out too",
        "打印回访记录表、空白表和签收表(PDF)": "print visit record forms, blank forms and the sign-out sheet (PDF)",
        "按回访打印预填的回访记录表": "print a visit's filled-in visit record form",
        "回访编号(schedule 命令列出)": "visit number (the schedule command lists them)",
        "打印 N 张编号空白回访记录表(在台账中登记)": "print N numbered blank visit record forms (entered in the ledger)",
        "打印回访记录签收表(默认本季度)": "print the visit form sign-out sheet (default: this quarter)",
        "起始日期,如 2026-07-01(默认本季度第一天)": "first day, e.g. 2026-07-01 (default: the quarter's first day)",
        "截止日期,如 2026-09-30(含当天)": "last day, e.g. 2026-09-30 (included)",
        "读入签字交回的回访记录表扫描件(PDF 或照片),按二维码附到表单": (
            "read scans of signed, returned visit record forms (PDF or photos) and attach them by their QR code"
        ),
        "扫描仪的 PDF,或 JPEG/PNG 照片": "the scanner's PDF, or JPEG/PNG photos",
        "季度归档:列出该季度交回和作废的表单,并记为已归档": (
            "quarterly filing: list the quarter's returned and voided forms and mark them filed"
        ),
        "季度,如 2026Q3": "quarter, e.g. 2026Q3",
        "只列出,不记为已归档": "only list them, do not mark them filed",
        "归档人姓名(须是人员名单中的人;不填记为“系统”)": (
            "name of the person filing (someone on the staff list; if left out, “系统” (system))"
        ),
        "备注,如档案盒编号": "remarks, e.g. the archive box number",
        "销毁记录:列出保管期满的表单,登记谁在哪天销毁了哪些编号": (
            "destruction record: list the forms past their keeping period and record who destroyed which numbers when"
        ),
        "只列出在此日期前结束的季度的表单,如 2026-10-01": "only forms of quarters that ended before this date, e.g. 2026-10-01",
        "只列出,不登记": "only list them, record nothing",
        "只登记这些编号(逗号分隔;默认登记列出的全部)": "record only these numbers (comma-separated; default: all listed)",
        "销毁日期(默认今天)": "date destroyed (default: today)",
        "销毁人姓名(登记时必填)": "name of the person who destroyed them (required to record)",
        "备注,如销毁方式、见证人": "remarks, e.g. how they were destroyed, the witness",
        "统计报表": "statistics",
        "季度分析报告": "quarterly analysis report",
        "立即备份(在线备份并校验)": "back up now (an online backup, verified)",
        "备份到此文件夹(默认:设置中的备份文件夹)": "back up into this folder (default: the backup folder in the settings)",
        "从备份恢复(当前数据先另存,不会被覆盖)": "restore from a backup (the current data is kept aside, never overwritten)",
        "检查数据:完整性、外键、审计链、签名": "check the data: integrity, foreign keys, audit trail, signatures",
        "列出待回访计划": "list the visits to make",
        "写入 JSON 文件(默认打印表格)": "write a JSON file (default: print a table)",
        "送往这台打印机(CUPS 打印机名称,lpstat -p 可查看)": (
            "send to this printer (a CUPS printer name; lpstat -p lists them)"
        ),
        "另存为 PDF 文件(编号即记为已打印)": "save as a PDF file (the numbers count as printed)",
        "错误:命令参数不对({message})。用 --help 查看用法。": (
            "Error: the command's arguments are wrong ({message}). See --help for how to use it."
        ),
        "日期“{value}”看不懂,请写成 2026-07-01 这样": "The date “{value}” cannot be read; write it like 2026-07-01",
        "错误:{message}": "Error: {message}",
        "错误:没有权限写入 {file}。请换一个文件夹或检查权限。": (
            "Error: no permission to write {file}. Choose another folder or check the permissions."
        ),
        "错误:{field}:{reason}": "Error: {field}: {reason}",
        # huiyin/login.py
        "标准输入是空的:--password-stdin 要求第一行是密码": (
            "Standard input is empty: --password-stdin needs the password on the first line"
        ),
        "请用 --password-stdin 从标准输入提供密码(或在终端中运行,按提示输入)": (
            "Give the password on standard input with --password-stdin (or run in a terminal and type it when asked)"
        ),
        "数据文件夹 {data_dir} 还没有初始化。先运行:python -m huiyin --data-dir {data_dir} init --office 名称 --admin 登录名 --password-stdin": (
            "The data folder {data_dir} is not set up yet. Run first: python -m huiyin --data-dir {data_dir} "
            "init --office NAME --admin LOGIN --password-stdin"
        ),
        "请先登录:在命令前加 --user 登录名(密码在提示时输入,不显示;或加 --password-stdin 从标准输入读取)。例如:python -m huiyin --data-dir {data_dir} --user admin --password-stdin check": (
            "Log in first: put --user LOGIN before the command (the password is asked for, without echo; or "
            "add --password-stdin to read it from standard input). For example: python -m huiyin --data-dir "
            "{data_dir} --user admin --password-stdin check"
        ),
        "{user} 的密码:": "Password of {user}: ",
        "数据文件夹已加密。": "The data folder is encrypted now. ",
        "{why}恢复密钥(只显示这一次):{key}\n请抄在纸上或打印出来,锁在安全的地方。管理员忘记密码时,用它和 recover 命令设新密码;丢了它又忘了所有管理员密码,数据将无法打开。": (
            "{why}Recovery key (shown this once only): {key}\nWrite it on paper or print it and lock it "
            "away. When an administrator forgets the password, set a new one with it and the recover "
            "command; lose it and forget every administrator's password, and the data cannot be opened."
        ),
        # huiyin/office_commands.py
        "数据文件夹 {data_dir} 已初始化过。要打开它,请用 --user 登录。": (
            "The data folder {data_dir} is already set up. To open it, log in with --user."
        ),
        "管理员密码:": "Administrator's password: ",
        "已初始化:{name},管理员 {username},数据文件夹 {data_dir}": (
            "Set up: {name}, administrator {username}, data folder {data_dir}"
        ),
        "恢复密钥:": "Recovery key: ",
        "新密码(至少 6 位):": "New password (at least 6 characters): ",
        "已为管理员 {admin} 设置新密码(已记入审计记录)。请用新密码登录。": (
            "A new password is set for the administrator {admin} (recorded in the audit trail). Log in with it."
        ),
        "只有管理员可以在已有的数据文件夹中填入演示数据。": "Only an administrator may fill an existing data folder with demonstration data.",
        "演示数据的管理员:{user} / {password}": "Demonstration data's administrator: {user} / {password}",
        "--map 写得不对:{reason}": "--map is not written right: {reason}",
        "--map 里的列“{unknown}”在第{header_row}行的表头里没有": (
            "The columns “{unknown}” in --map are not in the header row (row {header_row})"
        ),
        "表头在第{header_row}行。列的对应:{mapping_text}": "Headers in row {header_row}. Columns: {mapping_text}",
        "表中没有“性质”列,按标题全部记为“{default_kind}”": (
            "The sheet has no 性质 (kind) column; by its title every row is recorded as “{default_kind}”"
        ),
        "已导出 {count} 人到 {file}(导出已记入审计记录)": (
            "{count} people exported to {file} (the export is recorded in the audit trail)"
        ),
        "已写入 {count} 条待回访计划到 {json}": "{count} visits to make written to {json}",
        "{due} 逾期 {what} 第{attempt}次 {who}:{reason}": "{due} OVERDUE {what} visit {attempt} {who}: {reason}",
        "{due} {what} 第{attempt}次 {who}:{reason}": "{due} {what} visit {attempt} {who}: {reason}",
        "共 {count} 条": "{count} in all",
        "请先登录:在命令前加 --user 管理员登录名(密码在提示时输入,或加 --password-stdin)。例如:python -m huiyin --data-dir {data_dir} --user admin restore {backup}": (
            "Log in first: put --user ADMIN-LOGIN before the command (the password is asked for, or add "
            "--password-stdin). For example: python -m huiyin --data-dir {data_dir} --user admin restore {backup}"
        ),
        "数据文件夹里没有密钥文件 {keys},备份旁也没有唯一的 huiyin-….keys 文件:请把原来的密钥文件放回数据文件夹后再恢复。": (
            "The data folder has no key file {keys}, and there is no single huiyin-….keys file beside the "
            "backup: put the original key file back in the data folder, then restore."
        ),
        "已从 {backup} 恢复。原数据文件另存为 {aside}。": "Restored from {backup}. The previous data file was kept as {aside}.",
        "已从 {backup} 恢复。原来没有数据文件。": "Restored from {backup}. There was no data file before.",
        "备份文件 {name} 不能用这个服务中心的密钥打开:它已损坏,或属于另一个服务中心。": (
            "The backup file {name} cannot be opened with this office's key: it is damaged, or belongs to another office."
        ),
        "{user} 不是这个备份中的管理员:只有管理员可以恢复备份。": (
            "{user} is not an administrator in this backup: only an administrator may restore a backup."
        ),
        "发现问题:{finding}": "Problem: {finding}",
        "共 {count} 个问题。可用 restore 从最近的好备份恢复。": (
            "{count} problems in all. restore can bring back the newest good backup."
        ),
        "检查通过:数据完整,外键一致,审计链完好,签名与记录相符。": (
            "Check passed: the data is whole, foreign keys agree, the audit trail is intact, the "
            "signatures match their records."
        ),
        # huiyin/form_commands.py
        "截止日期不能早于起始日期({start:%Y-%m-%d} 至 {end:%Y-%m-%d})": (
            "The last day cannot be before the first ({start:%Y-%m-%d} to {end:%Y-%m-%d})"
        ),
        "已写入 {pdf}": "Written: {pdf}",
        "已写入 {pdf},编号 {numbers} 记为已打印": "Written: {pdf}; numbers {numbers} recorded as printed",
        "已送往打印机 {printer} 并打印完成,编号 {numbers} 记为已打印": (
            "Sent to the printer {printer} and printed; numbers {numbers} recorded as printed"
        ),
        "已送往打印机 {printer} 并打印完成": "Sent to the printer {printer} and printed",
        "已取消打印。编号 {numbers} 已作废(已取消),不会再使用。": (
            "Printing cancelled. Numbers {numbers} are void (cancelled) and will not be used again."
        ),
        "已取消打印。": "Printing cancelled.",
        "编号 {numbers} 已作废(打印失败:{reason}),不会再使用。": (
            "Numbers {numbers} are void (printing failed: {reason}) and will not be used again."
        ),
        "命令行只能送往 CUPS 打印服务的打印机。请用 --pdf 保存后打印,或在程序窗口中点“打印…”。": (
            "The command line can only send to printers of the CUPS print service. Save with --pdf and "
            "print that, or use “Print…” in the program's window."
        ),
        "没有打印服务": "No print service",
        "回音 {command}": "Huiyin {command}",
        "季度只能是 1 到 4,收到 {quarter}": "The quarter must be 1 to 4, not {quarter}",
        "年份 {year} 不在 2000 至 2099 之间": "The year {year} is not between 2000 and 2099",
        "{label} {range_text}:受理 {received} 件,办结率 {resolution_rate:.1%},逾期 {overdue} 件,投诉回访率 {rate}(应回访 {due} 件,已回访 {visited} 件),重复投诉 {complaints} 组,重复维修 {repairs} 组": (
            "{label} {range_text}: {received} cases received, resolution rate {resolution_rate:.1%}, "
            "{overdue} overdue, complaint visit rate {rate} ({due} due, {visited} visited), {complaints} "
            "repeat complaint groups, {repairs} repeat repair groups"
        ),
        "应访未访 {count} 件:{late}": "{count} due but not visited: {late}",
        "本期尚未结束,与{label}同期前 {days} 天({start:%Y-%m-%d} 至 {last_day:%Y-%m-%d})比较": (
            "The period has not ended; compared with the first {days} days of {label} "
            "({start:%Y-%m-%d} to {last_day:%Y-%m-%d})"
        ),
        "{label}:待归档 {count} 份(交回或作废),{opens:%Y-%m-%d} 起可归档,须在 {deadline:%Y-%m-%d} 前完成": (
            "{label}: {count} forms to file (returned or voided); filing opens on {opens:%Y-%m-%d} and must "
            "be done by {deadline:%Y-%m-%d}"
        ),
        "已归档:{archived_at:%Y-%m-%d %H:%M} {archived_by} {form_count} 份 {remarks}": (
            "Filed: {archived_at:%Y-%m-%d %H:%M} {archived_by} {form_count} forms {remarks}"
        ),
        "尚未交回 {count} 份(不影响本次归档,交回或作废后随那个季度归档):": (
            "{count} not returned yet (this filing goes ahead; they are filed with their quarter once returned or voided):"
        ),
        "已归档 {form_count} 份({label}),归档人 {archived_by},{archived_at:%Y-%m-%d %H:%M}": (
            "{form_count} forms filed ({label}) by {archived_by}, {archived_at:%Y-%m-%d %H:%M}"
        ),
        "保管期({years} 年)已满、可以销毁的表单 {count} 份:": (
            "{count} forms past their keeping period ({years} years) that may be destroyed:"
        ),
        "  {form_line}  {quarter} 归档,保管至 {keep_until:%Y-%m-%d}": (
            "  {form_line}  filed {quarter}, kept until {keep_until:%Y-%m-%d}"
        ),
        "没有需要登记销毁的表单。": "No forms to record as destroyed.",
        "登记销毁时必须用 --by 写明销毁人姓名": "to record a destruction, --by must name the person who destroyed the forms",
        "销毁人": "Destroyed by",
        "已登记销毁 {form_count} 份:{destroyed_on:%Y-%m-%d} 由 {destroyed_by} 销毁(登记人 {recorded_by})。台账中的记录保留,标为“已销毁”。": (
            "{form_count} forms recorded as destroyed on {destroyed_on:%Y-%m-%d} by {destroyed_by} "
            "(recorded by {recorded_by}). Their rows stay in the ledger, marked destroyed."
        ),
        "人员名单中没有“{name}”:请写归档人的姓名,或不填 --by": (
            "“{name}” is not on the staff list: give the name of the person filing, or leave --by out"
        ),
        # huiyin/duties_cli.py
        "{numbers} 等 {count} 件": "{numbers} and more, {count} in all",
        "{n} 件已过办结期限:{numbers}": "{n} past their resolution deadline: {numbers}",
        "{n} 件今天须办结:{numbers}": "{n} to resolve today: {numbers}",
        "{visitor} {count} 条": "{visitor} {count}",
        "今天到期的回访 {n} 条({people})": "{n} visits due today ({people})",
        "已过回访期限仍未回访 {n} 条({people})": "{n} visits past their due date, not made ({people})",
        "{n} 份回访记录表领用超期未交回:{numbers}": "{n} visit record forms out too long, not returned: {numbers}",
        "{case} 的重大投诉报告已逾期(期限 {due})": "The major complaint report of {case} is overdue (due {due})",
        "{case} 的重大投诉报告待提交(期限 {due})": "The major complaint report of {case} is to be submitted (due {due})",
        "{years} 年的国务院放假安排尚未录入:期限暂按法定节日推算(暂定),请在“设置 → 节假日”中载入": (
            "The State Council's holiday schedule for {years} is not entered yet: deadlines are counted from "
            "the statutory holidays for now (provisional); load it in “Settings → Holidays”"
        ),
        "投诉、建议处理结果汇总(报分管领导)": "summary of complaint and suggestion outcomes (for the manager in charge)",
        "客户意见处理情况公告(向全体业主公布)": "notice of how customers' opinions were handled (for all owners)",
        "{month}的{duty}:已逾期,期限 {due}": "{duty} for {month}: overdue, due {due}",
        "{month}的{duty}:期限 {due}": "{duty} for {month}: due {due}",
        "{case_number}:超过一个工作日(自 {when})未打印《顾客投诉处理记录表》": (
            "{case_number}: the customer complaint record sheet has not been printed for over a working day (since {when})"
        ),
        "{when} 的值班记录:应在 {when2} 前转为案件,仍未转": (
            "Night log entry of {when}: should have become a case by {when2}, and has not"
        ),
        "{case}:回访时答应答复的问题“{question}”已过答复日期 {when}": (
            "{case}: the question promised an answer at a visit, “{question}”, is past its answer date {when}"
        ),
        "{n} 份返工通知已过期限未送达(待送达共 {rework_pending} 份)": (
            "{n} rework notices past their deadline, not delivered ({rework_pending} to deliver in all)"
        ),
        "{quarter} 的 {count} 份交回、作废表单已过 {deadline} 仍未归档": (
            "{count} returned or voided forms of {quarter} are past {deadline} and not filed"
        ),
        "{quarter} 的 {count} 份交回、作废表单须在 {deadline} 前归档": (
            "{count} returned or voided forms of {quarter} must be filed by {deadline}"
        ),
        "{n} 份已归档表单过了保管期,待登记销毁": "{n} filed forms are past their keeping period, to record as destroyed",
        "本月首次回复超时 {count} 件:{numbers}": "{count} late first replies this month: {numbers}",
        "本月重大投诉明确答复超时 {count} 件:{numbers}": "{count} late clear answers to major complaints this month: {numbers}",
        "回复期限 {due}": "reply due {due}",
        "下次跟进 {date}": "next follow-up {date}",
        "已到跟进日期": "follow-up date reached",
        "{number}({case}):{what}": "{number} ({case}): {what}",
        "{number}:先行处置期限 {when} 已过,仍未记录处置": "{number}: the first-response deadline {when} has passed with no action recorded",
        "{number}:返工通知后未在 {when} 前告知业主返工完成时间": (
            "{number}: after the rework notice, the owner was not told the rework's completion time by {when}"
        ),
        "{number}:返工后仍不合格,已转 {manager} 作为新投诉 {new_number} 处理,尚未办结": (
            "{number}: still not acceptable after rework; passed to {manager} as the new complaint "
            "{new_number}, not resolved yet"
        ),
        "{label}:本月回访率 {visited}/{base_count}({rate:.1%}),未达目标 {target:.0%}": (
            "{label}: visit rate this month {visited}/{base_count} ({rate:.1%}), below the target {target:.0%}"
        ),
        "漏水/渗漏已办结未登记闭水试验日期,回访待闭水试验:{numbers}": (
            "Leaks resolved without a water-test date; their visits wait for the test: {numbers}"
        ),
        "特约服务未登记合同日期,无法安排合同中期和期满回访:{numbers}": (
            "Paid services without contract dates, so the mid-term and end visits cannot be planned: {numbers}"
        ),
        "已计划但逾期": "planned but overdue",
        "未计划": "not planned",
        "{room} 入伙({when})应在 {when2} 前回访,{state}": "{room} moved in ({when}); to visit by {when2}, {state}",
        "{steward} 的季度巡访({buildings} 栋)已访 {visited}/{rooms} 户,须在 {when} 前走访完": (
            "{steward}'s quarterly round (buildings {buildings}): {visited}/{rooms} households visited, to finish by {when}"
        ),
        "逾期案件": "Overdue cases",
        "今日到期": "Due today",
        "先行处置超时": "First response late",
        "首次回复超时、明确答复超时": "Late first replies and clear answers",
        "开发商未回复": "Developer has not replied",
        "今日回访": "Visits today",
        "逾期回访": "Overdue visits",
        "回访答应的答复已过期": "Answers promised at visits, overdue",
        "返工通知逾期": "Rework notices overdue",
        "返工跟进": "Rework follow-up",
        "超期未交回表单": "Forms out too long",
        "表单季度归档": "Quarterly filing of forms",
        "表单到期销毁": "Forms due for destruction",
        "未打印《顾客投诉处理记录表》": "Complaint record sheets not printed",
        "每月汇总与公告": "Monthly summary and notice",
        "值班记录未按时转案件": "Night log entries not turned into cases in time",
        "回访细则待办(闭水试验、合同日期、入伙、季度巡访)": (
            "Visit rules to act on (water tests, contract dates, move-ins, quarterly rounds)"
        ),
        "各角色回访率未达标": "Roles below their visit rate target",
        "节假日暂定": "Holidays provisional",
        "已写入 {count} 项待办到 {json}": "{count} duties written to {json}",
        "{name} 工作台待办 · {today:%Y-%m-%d}": "{name}: duties · {today:%Y-%m-%d}",
        "今天没有到期或逾期的事项。": "Nothing is due or overdue today.",
        "【{title}】": "[{title}]",
        "列出工作台上到期或逾期的事项(逾期案件、回访、报告、每月汇总等)": (
            "list what the dashboard shows as due or overdue (overdue cases, visits, reports, monthly summaries…)"
        ),
        "写入 JSON 文件(默认打印)": "write a JSON file (default: print)",
        # huiyin/survey_cli.py
        "日期“{text}”要写成 2026-10-01 这样": "Write the date “{text}” like 2026-10-01",
        "顾客满意度调查:计划、打印调查表、读入扫描件、调查报告": (
            "customer satisfaction survey: plans, printed questionnaires, scans read back, the report"
        ),
        "列出调查计划;新建(--title …)或批准(--approve 编号)": (
            "list the survey plans; make one (--title …) or approve one (--approve NUMBER)"
        ),
        "批准这个调查计划(营运部经理)": "approve this survey plan (operations manager)",
        "结束这个调查(不再导入答卷)": "close this survey (no more answers come in)",
        "调查名称,例如“2026年年中顾客满意度调查”": "the survey's title, e.g. “2026 mid-year customer satisfaction survey”",
        "全面普查(默认:抽样调查)": "a full census (default: a sample survey)",
        "上门访谈(默认:问卷调查)": "door-to-door interviews (default: questionnaires)",
        "开始日期 2026-10-01": "first day, e.g. 2026-10-01",
        "结束日期 2026-10-15": "last day, e.g. 2026-10-15",
        "抽样比例(%%)": "sample rate (%%)",
        "抽样户数(代替比例)": "sample size in households (instead of the rate)",
        "意见较多的住户优先抽取几户": "how many households with many opinions to draw first",
        "参加调查的楼栋,逗号分隔(默认全部)": "buildings in the survey, comma-separated (default: all)",
        "回收率目标(%%,默认 80)": "recovery rate target (%%, default 80)",
        "注意事项": "notes",
        "印在调查表上的告知(默认一段标准文字)": "the notice printed on the questionnaire (default: a standard text)",
        "请业主评定每个项目的重要程度(四分图用)": "ask owners to rate each item's importance (for the quadrant chart)",
        "上次调查的编号(报告里对比)": "number of the previous survey (compared in the report)",
        "打印调查表(PDF):第一次按样本编号,或加印空白表": (
            "print the questionnaires (PDF): numbered by sample the first time, or extra blank ones"
        ),
        "写到这个 PDF 文件": "write to this PDF file",
        "加印 N 份编号空白表(普查、备用)": "print N more numbered blank questionnaires (census, spares)",
        "空白表印上的楼栋": "the building printed on the blank questionnaires",
        "重印已编号的全部调查表": "reprint all numbered questionnaires",
        "读入收回调查表的扫描件(PDF 或照片)": "read scans of the returned questionnaires (PDF or photos)",
        "顾客满意度调查报告(PDF、Excel)": "customer satisfaction survey report (PDF, Excel)",
        "报告 PDF": "the report PDF",
        "统计 Excel": "the statistics Excel",
        "把修补区的项目列为纠正措施": "list the items in the fix-first quadrant as corrective actions",
        "调查计划 {id}“{title}”已批准,调查表已冻结。": "Survey plan {id} “{title}” approved; the questionnaire is frozen.",
        "调查 {id}“{title}”已结束。": "Survey {id} “{title}” closed.",
        "已新建调查计划 {id}“{title}”(草稿),请营运部经理批准:survey plan --approve {id}": (
            "Survey plan {id} “{title}” made (draft); the operations manager approves it with: survey plan --approve {id}"
        ),
        "还没有调查计划。用 survey plan --title … 新建。": "No survey plans yet. Make one with survey plan --title ….",
        "发放 {sheets} 收回 {returned} 回收率 {rate:.1f}%(目标 {target:g}%)": (
            "handed out {sheets}, returned {returned}, recovery {rate:.1f}% (target {target:g}%)"
        ),
        "这个调查还没有编号的调查表,去掉 --again 先编号打印。": (
            "This survey has no numbered questionnaires yet: leave out --again to number and print them first."
        ),
        "已写出 {count} 份调查表(编号 {first}–{last},每份 {pages} 页,可双面打印)到 {out}": (
            "{count} questionnaires written (numbers {first}–{last}, {pages} pages each, double-sided is fine) to {out}"
        ),
        "回收 {returned}/{sheets} 份,回收率 {rate:.1f}%(目标 {recovery_target:g}%);待核对或录入 {waiting} 处,待手工处理的页 {count} 页(请在程序的“满意度调查”里处理)": (
            "{returned}/{sheets} returned, recovery {rate:.1f}% (target {recovery_target:g}%); {waiting} "
            "answers to check or enter, {count} pages to handle by hand (in the program's “Satisfaction survey”)"
        ),
        "新列纠正措施 {count} 项:{titles}": "{count} corrective actions listed: {titles}",
        "无": "none",
        "{title}:收回 {returned}/{sheets} 份(回收率 {recovery:.1f}%),总体情况 {overall} 分;修补区:{fix};另有 {pending} 处待核对,未计入": (
            "{title}: {returned}/{sheets} returned (recovery {recovery:.1f}%), overall {overall} points; "
            "fix first: {fix}; {pending} more answers to check, not counted"
        ),
        "{title}:收回 {returned}/{sheets} 份(回收率 {recovery:.1f}%),总体情况 {overall} 分;修补区:{fix}": (
            "{title}: {returned}/{sheets} returned (recovery {recovery:.1f}%), overall {overall} points; fix first: {fix}"
        ),
    }
)
