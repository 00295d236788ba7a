//! The X11 side of the harness: what a window manager and a paste would do, spoken straight to
//! the test's Xvfb display (there is no window manager or clipboard tool there).

use std::time::{Duration, Instant};

use super::Session;

impl Session {
    /// Asks the app's window to close, as a window manager does when the owner clicks the close
    /// button: a WM_DELETE_WINDOW message to the window titled "… Policywright".
    pub fn request_close(&self) {
        use x11rb::connection::Connection;
        use x11rb::protocol::xproto::{
            AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState,
        };
        let (conn, screen) = x11rb::connect(Some(&self.display)).expect("connect to Xvfb");
        let root = conn.setup().roots[screen].root;
        let atom = |name: &[u8]| {
            conn.intern_atom(false, name)
                .expect("intern atom")
                .reply()
                .expect("atom")
                .atom
        };
        let (protocols, delete, utf8, net_name) = (
            atom(b"WM_PROTOCOLS"),
            atom(b"WM_DELETE_WINDOW"),
            atom(b"UTF8_STRING"),
            atom(b"_NET_WM_NAME"),
        );
        let windows = conn
            .query_tree(root)
            .expect("query tree")
            .reply()
            .expect("tree")
            .children;
        let title = |w| {
            let mut text = Vec::new();
            for (prop, kind) in [
                (net_name, utf8),
                (AtomEnum::WM_NAME.into(), AtomEnum::STRING.into()),
            ] {
                if let Ok(Ok(reply)) = conn
                    .get_property(false, w, prop, kind, 0, 1024)
                    .map(|c| c.reply())
                {
                    text.extend(reply.value);
                }
            }
            String::from_utf8_lossy(&text).into_owned()
        };
        // GTK also makes unmapped helper windows (a client leader) with the same name.
        let viewable = |w| {
            conn.get_window_attributes(w)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|a| a.map_state == MapState::VIEWABLE)
        };
        let window = windows
            .into_iter()
            .find(|w| viewable(*w) && title(*w).contains("Policywright"))
            .expect("the app's window");
        let message = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, message)
            .expect("send close request");
        conn.flush().expect("flush");
    }

    /// The text on the X clipboard of the test's display (UTF-8), read the way a paste would.
    pub fn clipboard_text(&self) -> Option<String> {
        use x11rb::connection::Connection;
        use x11rb::protocol::Event;
        use x11rb::protocol::xproto::{
            AtomEnum, ConnectionExt, CreateWindowAux, EventMask, WindowClass,
        };
        let (conn, screen) = x11rb::connect(Some(&self.display)).ok()?;
        let root = conn.setup().roots[screen].root;
        let atom = |name: &[u8]| Some(conn.intern_atom(false, name).ok()?.reply().ok()?.atom);
        let (clipboard, utf8, target) = (
            atom(b"CLIPBOARD")?,
            atom(b"UTF8_STRING")?,
            atom(b"POLICYWRIGHT_PASTE")?,
        );
        let window = conn.generate_id().ok()?;
        conn.create_window(
            x11rb::COPY_DEPTH_FROM_PARENT,
            window,
            root,
            0,
            0,
            1,
            1,
            0,
            WindowClass::INPUT_OUTPUT,
            0,
            &CreateWindowAux::new().event_mask(EventMask::PROPERTY_CHANGE),
        )
        .ok()?;
        conn.convert_selection(window, clipboard, utf8, target, x11rb::CURRENT_TIME)
            .ok()?;
        conn.flush().ok()?;
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match conn.poll_for_event().ok()? {
                Some(Event::SelectionNotify(e)) if e.property == x11rb::NONE => return None,
                Some(Event::SelectionNotify(_)) => break,
                _ if Instant::now() > deadline => return None,
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
        let reply = conn
            .get_property(true, window, target, AtomEnum::ANY, 0, u32::MAX / 4)
            .ok()?
            .reply()
            .ok()?;
        String::from_utf8(reply.value).ok()
    }
}
