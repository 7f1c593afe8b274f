#include "platform/run.hpp"

#include "app/app.hpp"
#include "app/locate.hpp"
#include "export/offscreen.hpp"
#include "platform/gl.hpp"
#include "platform/window.hpp"
#include "boardscape/plural.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace boardscape::viewer {

namespace {

/// Opens FILE or the bundled default; reports what it could not open on stderr too.
void open_initial(App& app, const ViewerOptions& o) {
    if (o.file) {
        if (!app.open_file(*o.file)) {
            std::cerr << "boardscape-viewer: could not open " << o.file->string() << "\n";
            for (const auto& l : app.problems().lines) std::cerr << "  " << l << "\n";
        }
        return;
    }
    if (const auto def = find_bundled_dataset()) {
        app.open_file(*def);
    } else {
        std::cerr << "boardscape-viewer: the bundled " << default_dataset_name
                  << " was not found; open a file with File > Open\n";
    }
}

/// --view N names a saved view of the opened file; false (with a message) when there is none.
bool check_view_option(const App& app, const ViewerOptions& o) {
    if (!o.view || *o.view <= static_cast<int>(app.saved_views().size())) return true;
    std::cerr << "boardscape-viewer: --view " << *o.view << ": the file has "
              << count_noun(static_cast<long long>(app.saved_views().size()), "saved view") << "\n";
    return false;
}

/// Applies the command-line view options as commands, like a user would: the saved view
/// first, so the other options refine it. Returns false (after saying why on stderr) when
/// --select names nothing in the map: a picture of the wrong selection must not look like a
/// success.
bool apply_view_options(App& app, const ViewerOptions& o) {
    if (o.view) app.apply_now(ApplySavedView{*o.view - 1});
    if (o.scenario) {
        // Through the panel, as a planner would: open it (scenario overlay and map colour),
        // tick the boards, Merge… with its defaults. Later options refine the picture.
        app.open_scenario();
        ScenarioPanel& panel = app.scenario_panel();
        if (o.baseline && !app.set_scenario_baseline(*o.baseline)) {
            const ErrorReport& rep = app.problems();
            std::cerr << "boardscape-viewer: error: --baseline: " << rep.heading << "\n";
            for (const auto& line : rep.lines) std::cerr << "  " << line << "\n";
            return false;
        }
        if (!o.merge.empty()) {
            for (const auto& id : o.merge) panel.tick(id, true);
            panel.begin_merge(app.session());
            // The popup's fields, as the planner would type them.
            MergeDraft& draft = panel.merge_draft();
            if (o.merge_name) {
                draft.name = *o.merge_name;
                draft.id = panel.derived_merge_id(app.session());
            }
            if (o.merge_id) {
                draft.id = *o.merge_id;
                draft.id_edited = true;
            }
            if (o.merge_date) draft.date = *o.merge_date;
            if (o.merge_kind)
                if (const auto k = parse_board_kind(*o.merge_kind)) draft.kind = static_cast<int>(*k);
            if (o.merge_cadence) draft.cadence = *o.merge_cadence;
            if (!panel.confirm_merge(app.session(), app.commands())) {
                // One line per problem, in this command line's words (--merge-kind, not --kind).
                for (const auto& p : panel.state().problems)
                    std::cerr << "boardscape-viewer: error: --merge: "
                              << merge_problem_words(p, MergeWords::options) << "\n";
                return false;
            }
        }
        for (const Command& c : app.commands().take()) app.apply_now(c);
    }
    if (o.overlay) app.apply_now(SetOverlay{*o.overlay});
    if (o.select) {
        const Scene& scene = app.session().scene();
        if (!scene.find(*o.select)) {
            std::vector<std::string> ids, names;
            for (NodeIndex i = 0; i < scene.nodes.size(); ++i) {
                ids.push_back(scene.nodes[i].id);
                names.push_back(app.session().display_name(i, o.anonymise));
            }
            std::cerr << "boardscape-viewer: error: --select: "
                      << unknown_entity_message(*o.select, ids, names) << "\n";
            return false;
        }
        app.apply_now(SelectEntity{*o.select, false});
    }
    if (o.agency) {
        // The map's agency mode follows the selection; --agency selects it.
        const auto e = app.session().dataset().find(*o.agency);
        if (!e || e->type != EntityType::agency) {
            std::vector<std::string> ids;
            for (const auto& a : app.session().dataset().agencies) ids.push_back(a.id.str());
            std::cerr << "boardscape-viewer: error: --agency: "
                      << unknown_entity_message(*o.agency, ids, ids) << "\n";
            return false;
        }
        app.apply_now(SelectEntity{*o.agency, false});
    }
    for (const auto* layer : {&o.fill, &o.borders})
        if (*layer && !(*layer)->empty() && !map::parse_layer(**layer)) {
            std::vector<std::string> names(board_kind_names().begin(), board_kind_names().end());
            for (const auto s : sector_names()) names.emplace_back(s);
            std::string msg = "unknown map layer '" + **layer + "'";
            if (const std::string g = closest_word(**layer, names); !g.empty()) msg += " (did you mean '" + g + "'?)";
            std::cerr << "boardscape-viewer: error: " << msg << "; a layer is a board kind or an agency sector\n";
            return false;
        }
    if (o.fill || o.borders || o.measure) {
        MapSettings m = app.view().map;
        if (o.fill) m.fill = *o.fill;
        if (o.borders) m.borders = *o.borders;
        if (o.measure) m.measure = *o.measure;
        app.apply_now(SetMapSettings{m});
    }
    if (o.view_kind) app.apply_now(SetViewKind{*o.view_kind});
    if (o.anonymise) app.apply_now(SetAnonymise{true});
    if (o.workshop) {
        WorkshopSettings w = app.view().workshop;
        w.enabled = true;
        if (o.workshop_scale > 0) w.text_scale = o.workshop_scale;
        app.apply_now(SetWorkshop{w});
    }
    return true;
}

void write_state(const App& app, const std::filesystem::path& p, std::string& last) {
    const std::string s = app.state_json();
    if (s == last) return;
    last = s;
    const auto tmp = p.string() + ".tmp";
    {
        std::ofstream out(tmp);
        out << s << "\n";
    }
    std::rename(tmp.c_str(), p.string().c_str());  // readers never see half a file
}

/// Key presses seen since the last frame; GLFW calls this before ImGui's own handler (ImGui
/// chains to callbacks installed before it), so a tap shorter than a frame is still seen.
struct KeyTap {
    std::vector<std::pair<int, int>> presses;
};

void on_key(GLFWwindow* w, int key, int, int action, int mods) {
    if (action != GLFW_PRESS) return;
    if (auto* tap = static_cast<KeyTap*>(glfwGetWindowUserPointer(w))) tap->presses.emplace_back(key, mods);
}

}  // namespace

int run_interactive(const ViewerOptions& o) {
    try {
        GlfwLibrary glfw;
        Window window(o.size_given ? o.width : 1600, o.size_given ? o.height : 900, "Boardscape", true);
        KeyTap tap;
        glfwSetWindowUserPointer(window.handle(), &tap);
        glfwSetKeyCallback(window.handle(), on_key);
        ImGuiContextScope imgui;
        ImGuiBackends backends(window, true);
        App app;
        // The state file is a test's window on the screen: it carries what is drawn.
        app.text_log().enabled = o.state_out.has_value();
        open_initial(app, o);
        if (!check_view_option(app, o)) return 1;
        if (!apply_view_options(app, o)) return 1;
        std::string last_state;
        while (!app.wants_quit()) {
            if (window.should_close()) {
                // The window's close button: with unsaved changes, ask first.
                window.cancel_close();
                app.request_quit();
                if (app.wants_quit()) break;
            }
            // Sleep while nothing moves; wake at once on input.
            if (app.session().has_dataset() && !app.commands().size() && ImGui::GetIO().MouseDown[0] == false)
                glfwWaitEventsTimeout(1.0 / 60.0);
            else
                glfwPollEvents();
            // ImGui 1.86 polls key state once a frame, so a key pressed and released between
            // two frames (a quick tap while the loop sleeps, or xdotool) would never look
            // pressed to ImGui's own widgets and dialogs (Enter in a text field, Esc in a
            // prompt). Such a key is held down for exactly one frame.
            std::vector<int> held_over;
            for (const auto& [key, mods] : tap.presses) {
                app.queue_key_press(key, mods);
                ImGuiIO& io = ImGui::GetIO();
                if (key >= 0 && key < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)) && !io.KeysDown[key]) {
                    io.KeysDown[key] = true;
                    held_over.push_back(key);
                }
            }
            tap.presses.clear();
            if (app.prepare_frame(window.content_scale())) ImGuiBackends::reload_fonts();
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            app.build_frame();
            ImGui::Render();
            int w = 0, h = 0;
            window.framebuffer_size(w, h);
            glViewport(0, 0, w, h);
            glClearColor(0.97f, 0.97f, 0.96f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            glfwSwapBuffers(window.handle());
            app.end_frame();
            for (const int key : held_over)
                ImGui::GetIO().KeysDown[key] = glfwGetKey(window.handle(), key) == GLFW_PRESS;
            app.autosave_tick(glfwGetTime());

            window.set_fullscreen(app.wants_fullscreen());
            window.set_title(app.window_title());
            if (const auto png = app.take_png_request()) {
                window.framebuffer_size(w, h);
                RenderOptions ro;
                ro.width = w;
                ro.height = h;
                ro.frames = 1;
                const Image img = render_offscreen(app, ro);
                if (const std::string err = write_png(*png, img); !err.empty())
                    app.report_problem("Could not export the PNG", {err});
                else
                    app.report_status("Wrote " + png->filename().string() + " (" + std::to_string(w) + "×" +
                                      std::to_string(h) + ")");
            }
            if (o.state_out) write_state(app, *o.state_out, last_state);
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "boardscape-viewer: error: " << e.what() << "\n";
        return 1;
    }
}

int run_headless(const ViewerOptions& o) {
    try {
        GlfwLibrary glfw;
        Window window(64, 64, "Boardscape (offscreen)", false);
        ImGuiContextScope imgui;
        ImGuiBackends backends(window, false);
        AppOptions ao;
        ao.threaded_layout = false;
        ao.keyboard = false;
        ao.remember_recent = false;
        ao.recovery = false;  // never offer (or draw) a leftover autosave, never write one
        App app(ao);
        open_initial(app, o);
        if (!app.session().has_dataset()) return 1;
        if (!check_view_option(app, o)) return 1;
        app.text_log().enabled = o.state_out.has_value();
        if (!apply_view_options(app, o)) return 1;
        // The layout settles before any picture is taken.
        if (!app.settle_layout(20000)) std::cerr << "boardscape-viewer: warning: layout did not fully converge\n";
        RenderOptions ro;
        ro.width = o.width;
        ro.height = o.height;
        ro.frames = o.frames;
        if (o.bench_frames > 0) {
            std::vector<double> ms;
            std::vector<double> canvas_ms;
            ro.frames = o.bench_frames;
            ro.build_ms = &ms;
            ro.canvas_ms = &canvas_ms;
            ro.render_every_frame = false;
            render_offscreen(app, ro);
            // The first frames build fonts and size windows; they are not steady state.
            const std::size_t skip = std::min<std::size_t>(ms.size() / 10, 5);
            std::vector<double> steady(ms.begin() + static_cast<std::ptrdiff_t>(skip), ms.end());
            const auto& st = app.canvas().stats();
            std::printf("frames %zu  nodes %zu  edges %zu  drawn nodes %zu  drawn edges %zu  labels %zu\n",
                        steady.size(), app.session().scene().nodes.size(), app.session().scene().edges.size(),
                        st.nodes_drawn, st.edges_drawn, st.labels_drawn);
            std::vector<double> steady_canvas(canvas_ms.begin() + static_cast<std::ptrdiff_t>(skip), canvas_ms.end());
            std::printf("frame build CPU ms (whole UI, NewFrame to Render): p50 %.3f  p95 %.3f\n",
                        percentile(steady, 50), percentile(steady, 95));
            std::printf("canvas draw-list build CPU ms: p50 %.3f  p95 %.3f  (vertices %zu)\n",
                        percentile(steady_canvas, 50), percentile(steady_canvas, 95), st.vertices);
            if (!o.screenshot) return 0;
            ro.build_ms = nullptr;
            ro.canvas_ms = nullptr;
            ro.render_every_frame = true;
            ro.frames = 1;
        }
        if (o.screenshot) {
            const Image img = render_offscreen(app, ro);
            if (const std::string err = write_png(*o.screenshot, img); !err.empty()) {
                std::cerr << "boardscape-viewer: error: " << err << "\n";
                return 1;
            }
        }
        if (o.state_out) {
            std::string last;
            write_state(app, *o.state_out, last);
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "boardscape-viewer: error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace boardscape::viewer
