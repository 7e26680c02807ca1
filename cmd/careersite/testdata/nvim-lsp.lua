-- Drives careersite lsp from Neovim's built-in client (Neovim 0.7, as
-- Debian has it), for TestNeovim: opens a job description, types a wrong
-- seniority, waits for the diagnostic, asks for completion there and
-- applies the quick fix. It writes what it saw to $CS_OUT, one fact a line,
-- and quits whatever happens.
local out = assert(io.open(vim.env.CS_OUT, "w"))
local function say(...) out:write(table.concat({ ... }, " "), "\n") end

local function run()
  local site = vim.env.CS_SITE
  vim.cmd("edit " .. site .. "/content/jobs/back-end-developer.md")
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "careersite",
    cmd = { vim.env.CS_EXE, "lsp", "--source", site },
    root_dir = site,
  })
  vim.lsp.buf_attach_client(buf, id)
  assert(vim.wait(60000, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.initialized
  end, 20), "the server did not initialize")

  local row
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:match("^seniority:") then row = i - 1 end
  end
  assert(row, "no seniority line")
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { "seniority: senoir" })

  local diag
  assert(vim.wait(60000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.message:match("senoir") then diag = d return true end
    end
    return false
  end, 20), "no diagnostic for the wrong seniority")
  say("diagnostic", diag.lnum, diag.col, diag.end_col, diag.message)

  local uri = vim.uri_from_bufnr(buf)
  local answers = vim.lsp.buf_request_sync(buf, "textDocument/completion",
    { textDocument = { uri = uri }, position = { line = row, character = 11 } }, 30000)
  for _, a in pairs(answers or {}) do
    for _, item in ipairs(a.result or {}) do say("completion", item.label) end
  end

  -- The diagnostics of the line as vim.lsp.buf.code_action sends them:
  -- with the data the server published (the fix's edit).
  local lspDiags = vim.lsp.diagnostic.get_line_diagnostics(buf, row)
  answers = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = uri }, range = lspDiags[1].range, context = { diagnostics = lspDiags },
  }, 30000)
  for _, a in pairs(answers or {}) do
    for _, action in ipairs(a.result or {}) do
      say("action", action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
  say("line", vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1])
  vim.lsp.stop_client(id)
end

local ok, err = pcall(run)
if not ok then say("error", tostring(err)) end
out:close()
vim.cmd("qa!")
