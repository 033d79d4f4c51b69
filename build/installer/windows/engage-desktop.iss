; Inno Setup script for Engage Desktop (Windows). Built by .github/workflows/release.yml:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\engage-desktop build\installer\windows\engage-desktop.iss
; Per-user install (no administrator rights), Start-menu and optional desktop shortcut, and a Start-menu
; command prompt for engage-desktop-cli.exe (the subcommands with their output).
; The uninstaller removes only the program: the owner's shop files live in %APPDATA%\engage-desktop
; and are never touched by setup or uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\engage-desktop"
#endif
; The console entry point (engage-desktop-cli.exe: import, export, report, backups print to the
; terminal) must be in the bundle: refuse to build an installer without it.
#if !FileExists(AddBackslash(SourceDir) + "engage-desktop-cli.exe")
  #error engage-desktop-cli.exe is missing from the bundle: build it with build/engage_desktop.spec
#endif

[Setup]
AppId={{6F3C2D8E-4B1A-4E57-9A0C-2E5B7D1F9A31}
AppName=Engage Desktop
AppVersion={#AppVersion}
AppPublisher=Engage Desktop
DefaultDirName={localappdata}\Programs\Engage Desktop
DefaultGroupName=Engage Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=EngageDesktop-{#AppVersion}-setup
SetupIconFile=..\..\..\resources\icons\engage-desktop.ico
UninstallDisplayIcon={app}\engage-desktop.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Engage Desktop"; Filename: "{app}\engage-desktop.exe"
Name: "{group}\Engage Desktop (command line)"; Filename: "{cmd}"; Parameters: "/k ""{app}\engage-desktop-cli.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,Engage Desktop}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Engage Desktop"; Filename: "{app}\engage-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\engage-desktop.exe"; Description: "{cm:LaunchProgram,Engage Desktop}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries on purpose: shop files, settings and logs in %APPDATA% stay.
