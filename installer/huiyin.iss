; 回音 Huiyin — Windows installer (Inno Setup 6), per user, no administrator rights needed.
;
; Build on Windows, from the repository folder, after the bundle:
;   .venv\Scripts\python -m PyInstaller build.spec --noconfirm
;   (PowerShell)
;   iscc /DAppVersion=$(.venv\Scripts\python -c "import app; print(app.__version__)") installer\huiyin.iss
;   (cmd.exe)
;   for /f %v in ('.venv\Scripts\python -c "import app; print(app.__version__)"') do iscc /DAppVersion=%v installer\huiyin.iss
;
; The version is written in one place, app/__init__.py (__version__), and passed in with
; /DAppVersion; the script refuses to compile without it rather than guess.
; Output: dist\huiyin-<version>-setup.exe
; Saved as UTF-8 with a BOM and CRLF: Inno Setup before 6.3 needs the BOM for the Chinese.
;
; Data: the program keeps its data (database, backups, logs) in the user data folder,
; %LOCALAPPDATA%\huiyin (or --data-dir / HUIYIN_DATA), never in the install folder
; {localappdata}\Programs\Huiyin. The uninstaller removes only the files it installed,
; so uninstalling (or upgrading) keeps every case, visit and backup.

#ifndef AppVersion
  #error AppVersion is not defined. Compile with: iscc /DAppVersion=<app.__version__> installer\huiyin.iss
#endif

#define AppName "回音"
#define AppNameLatin "Huiyin"
#define AppPublisher "回音 Huiyin 物业客服管理系统"
#define AppExe "huiyin.exe"
; BundleDir and IconFile may be given with /D (tools/windows/build_and_test.sh builds the
; bundle elsewhere so it does not meet the Linux one in dist\huiyin).
#ifndef BundleDir
  #define BundleDir "..\dist\huiyin"
#endif
; The .exe icon build.spec drew from resources\icons\huiyin.svg (PyInstaller's default workpath).
#ifndef IconFile
  #define IconFile AddBackslash(SourcePath) + "..\build\build\icons\huiyin.ico"
#endif
; Backups are huiyin-YYYYMMDD-HHMMSS.sqlite3 (app/backup.py). .sqlite3 is SQLite's own
; extension, which other programs use too, so 回音 is added to its “打开方式” list and made
; its default only when no other program has claimed it.
#define BackupExt ".sqlite3"
#define BackupProgId "Huiyin.Backup"

[Setup]
AppId={{4FE81D9C-6AF0-4227-8E62-D2788A85D6A3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright={#AppPublisher}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} 安装程序
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName} {#AppNameLatin}
; Per-user install: no UAC prompt, nothing outside the user's profile.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppNameLatin}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; Windows 10 1809 (build 17763) or newer: Qt 6.11 supports nothing older (doc.qt.io,
; “Qt for Windows”), and its Qt6Core.dll needs the system ICU (icuuc.dll), which Windows 10
; ships from 1703; 1809 satisfies both. Older systems get Inno's message in Chinese.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
LicenseFile=LICENSE-zh.txt
; HKCU file-type entries: tell Explorer to refresh its icons after install and uninstall.
ChangesAssociations=yes
OutputBaseFilename=huiyin-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
CloseApplications=yes
#if FileExists(IconFile)
SetupIconFile={#IconFile}
#endif

[Languages]
; Inno Setup's Simplified Chinese translation (unofficial; credits in its header), kept in
; the repository because Inno Setup 6 does not ship it. The wizard is only in Chinese.
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"

[Messages]
; Messages Inno Setup 6.4 has that the 6.5 translation renamed or dropped (downloads and
; archive extraction, which this installer does not use), so nothing falls back to English.
zh_CN.DownloadingLabel=正在下载附加文件...
zh_CN.ExtractionLabel=正在解压附加文件...
zh_CN.ErrorFileHash1=校验文件哈希失败：%1
zh_CN.ErrorFileHash2=无效的文件哈希：预期为 %1，实际为 %2

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's libraries wholesale, so no stale file of an older
; version is loaded. Only the install folder's _internal; the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Registry]
; Backups open in 回音 (per user, HKCU): huiyin.exe given a backup file shows how to restore it.
Root: HKCU; Subkey: "Software\Classes\{#BackupProgId}"; ValueType: string; ValueName: ""; ValueData: "回音备份"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#BackupProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#BackupProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\{#BackupExt}\OpenWithProgids"; ValueType: string; ValueName: "{#BackupProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#BackupExt}"; ValueType: string; ValueName: ""; ValueData: "{#BackupProgId}"; Flags: uninsdeletevalue; Check: BackupExtUnclaimed
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#BackupExt}"; ValueData: ""; Flags: uninsdeletekey

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the data folder (%LOCALAPPDATA%\huiyin) is deliberately kept.

[Code]
// .sqlite3 becomes ours by default only when neither this user nor the machine has given it
// to another program (an upgrade, where it is already ours, writes it again).
function BackupExtUnclaimed(): Boolean;
var
  Current: String;
begin
  Result := True;
  if RegQueryStringValue(HKCU, 'Software\Classes\{#BackupExt}', '', Current) and (Current <> '') then
    Result := Current = '{#BackupProgId}'
  else if RegQueryStringValue(HKLM, 'Software\Classes\{#BackupExt}', '', Current) and (Current <> '') then
    Result := False;
end;
