"""English for the progress words made outside the windows (H35): the restore's steps the
command line prints."""

EN: dict[str, str] = {
    "正在检查备份文件…": "Checking the backup file…",
    "正在复制并检查恢复的数据…": "Copying and checking the restored data…",
    "正在换上恢复的数据(原数据另存)…": "Putting the restored data in place (the old data is kept aside)…",
    "第 {done} / {total} 步:{what}": "Step {done} of {total}: {what}",
}
