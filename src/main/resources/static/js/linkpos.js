// LinkPOS: small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
    // Copy-link buttons: the URL goes to the clipboard and the button says so for a moment.
    document.querySelectorAll('button.copy[data-copy]').forEach(button => {
        button.addEventListener('click', async () => {
            const text = button.dataset.copy;
            try {
                await navigator.clipboard.writeText(text);
            } catch (e) {
                const field = document.createElement('textarea');
                field.value = text;
                document.body.appendChild(field);
                field.select();
                document.execCommand('copy');
                field.remove();
            }
            const label = button.textContent;
            button.textContent = button.dataset.copied || label;
            button.setAttribute('aria-live', 'polite');
            setTimeout(() => { button.textContent = label; }, 2000);
        });
    });
    // SMS / e-mail inputs are enabled only while their box is ticked.
    document.querySelectorAll('input[data-toggle]').forEach(box => {
        const target = document.getElementById(box.dataset.toggle);
        if (!target) return;
        const sync = () => { target.disabled = !box.checked; };
        box.addEventListener('change', sync);
        sync();
    });
});
