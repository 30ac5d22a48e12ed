// Choosing a file in the page's 「导入报告文件」 input as a person would, without Playwright's
// setInputFiles (which Chromium 83 over CDP lacks): the bytes go over as base64 and become a File.
export async function chooseFile(page, name, bytes, { input = 'import-file', type = '' } = {}) {
  await page.evaluate(({ b64, name, input, type }) => {
    const binary = atob(b64);
    const data = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], name, { type }));
    const element = document.getElementById(input);
    element.files = transfer.files;
    element.dispatchEvent(new Event('change'));
  }, { b64: Buffer.from(bytes).toString('base64'), name, input, type });
}
