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
#define AppExe "huiyin.exe"
#define BundleDir "..\dist\huiyin"
; The .exe icon build.spec drew from resources\icons\huiyin.svg (PyInstaller's default workpath).
#define IconFile AddBackslash(SourcePath) + "..\build\build\icons\huiyin.ico"

[Setup]
AppId={{4FE81D9C-6AF0-4227-8E62-D2788A85D6A3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName} {#AppNameLatin}
; Per-user install: no UAC prompt, nothing outside the user's profile.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppNameLatin}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
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
; Simplified Chinese ships with newer Inno Setup releases (older ones keep it under
; Languages\Unofficial); without it the wizard is in English.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's libraries wholesale, so no stale file of an older
; version is loaded. Only the install folder's _internal; the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the data folder (%LOCALAPPDATA%\huiyin) is deliberately kept.
