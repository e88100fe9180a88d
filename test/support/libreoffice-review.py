"""Open Word documents in LibreOffice (headless, through UNO; LibreOffice 7.4 aborts when a document
with comments is loaded over the UNO bridge, so give it files written with `fix --no-comments`) and save each one as UTF-8 text twice:
with every tracked change accepted and with every tracked change rejected. Also counts the tracked
changes and comments LibreOffice sees. Used by test/docx/libreoffice.test.ts as a real .docx client.

usage: /usr/bin/python3 libreoffice-review.py PROFILE_DIR OUT_DIR FILE.docx...
prints one JSON object: { "<file>": { "redlines": n, "comments": n, "accepted": path, "rejected": path } }
"""
import json
import os
import shutil
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def count(access):
    items = access.createEnumeration()
    n = 0
    while items.hasMoreElements():
        items.nextElement()
        n += 1
    return n


def main():
    profile, out_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    pipe = "klarbrev%d" % os.getpid()
    profile_url = uno.systemPathToFileUrl(os.path.abspath(profile))
    office = subprocess.Popen(
        [
            "soffice", "--headless", "--norestore",
            "-env:UserInstallation=" + profile_url,
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(out_dir, "soffice.log"), "w"),

    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            raise RuntimeError("LibreOffice did not start")
        # The pipe opens before start-up has finished; documents load only once it has.
        time.sleep(3)
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        result = {}
        for path in files:
            # A private copy: LibreOffice's lock file (.~lock.*#) must never land beside the input.
            copy = os.path.join(out_dir, "%d-%s" % (len(result), os.path.basename(path)))
            shutil.copyfile(path, copy)
            url = uno.systemPathToFileUrl(os.path.abspath(copy))
            entry = {}
            for mode, command in (("accepted", ".uno:AcceptAllTrackedChanges"), ("rejected", ".uno:RejectAllTrackedChanges")):
                doc = None
                # Right after start-up LibreOffice may still refuse documents: try again briefly.
                for _ in range(40):
                    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
                    doc = desktop.loadComponentFromURL(url, "_blank", 0, ())
                    if doc is not None:
                        break
                    time.sleep(0.5)
                if doc is None:
                    raise RuntimeError("LibreOffice could not open " + path)
                if mode == "accepted":
                    entry["redlines"] = count(doc.getRedlines())
                    fields = doc.getTextFields().createEnumeration()
                    comments = 0
                    while fields.hasMoreElements():
                        if fields.nextElement().supportsService("com.sun.star.text.TextField.Annotation"):
                            comments += 1
                    entry["comments"] = comments
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                target = os.path.join(out_dir, "%s.%s.txt" % (os.path.basename(path), mode))
                doc.storeToURL(
                    uno.systemPathToFileUrl(os.path.abspath(target)),
                    (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF,,,")),
                )
                doc.close(True)
                entry[mode] = target
            result[path] = entry
        print(json.dumps(result))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=20)
        except Exception:
            office.kill()


main()
