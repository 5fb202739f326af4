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

// Payment page: the card's brand as it is typed, digits grouped by four, MM/YY, one submit only.
document.addEventListener('DOMContentLoaded', () => {
    const brandOf = digits => {
        if (/^(9792|65)/.test(digits)) return 'Troy';
        if (/^4/.test(digits)) return 'Visa';
        if (/^(5[1-5]|2[2-7])/.test(digits)) return 'Mastercard';
        if (/^3[47]/.test(digits)) return 'American Express';
        return '';
    };
    const number = document.querySelector('input[data-card-number]');
    const brand = document.getElementById('card-brand');
    if (number && brand) {
        const update = () => {
            const digits = number.value.replace(/\D/g, '').slice(0, 19);
            brand.textContent = brandOf(digits);
            const grouped = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
            if (grouped !== number.value) number.value = grouped;
        };
        number.addEventListener('input', update);
        update();
        // [T1] the card's installment offers, asked for as soon as its BIN is typed (the server lists them too,
        // after a first submit, for a browser without this script)
        let askedFor = '';
        number.addEventListener('input', () => {
            const offers = document.getElementById('installment-offers');
            const digits = number.value.replace(/\D/g, '');
            const bin = digits.length >= 6 ? digits.slice(0, 6) : '';
            if (!offers || !offers.dataset.offersUrl || bin === askedFor) return;
            askedFor = bin;
            if (!bin) return;
            const chosen = offers.querySelector('input[name=installments]:checked');
            fetch(offers.dataset.offersUrl + '?bin=' + bin, {headers: {'Accept': 'text/html'}})
                .then(answer => answer.ok ? answer.text() : null)
                .then(html => {
                    if (!html || askedFor !== bin) return;
                    const current = document.getElementById('installment-offers');
                    current.outerHTML = html;
                    const again = chosen && document.querySelector('#installment-offers input[name=installments][value="' + chosen.value + '"]');
                    if (again) again.checked = true;
                })
                .catch(() => { /* the form still works: the server lists the offers after a submit */ });
        });
    }
    const expiry = document.querySelector('input[data-expiry]');
    if (expiry) {
        expiry.addEventListener('input', e => {
            if (e.inputType && e.inputType.startsWith('delete')) return;
            const digits = expiry.value.replace(/\D/g, '').slice(0, 4);
            expiry.value = digits.length > 2 ? digits.slice(0, 2) + '/' + digits.slice(2) : digits;
        });
    }
    document.querySelectorAll('form').forEach(form => {
        const once = form.querySelector('button[data-once]');
        if (once) form.addEventListener('submit', () => { setTimeout(() => { once.disabled = true; }, 0); });
    });
    document.querySelectorAll('button[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
    const errors = document.getElementById('card-errors');
    if (errors) errors.focus();
});

// «Dışa Aktar → Kopyala»: the table as tab-separated text, ready to paste into a spreadsheet.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('button[data-copy-table]').forEach(button => {
        button.addEventListener('click', async () => {
            const table = document.getElementById(button.dataset.table);
            if (!table) return;
            // the data, not the controls: a cell's copy button gives its value (the link's URL), action and
            // detail columns are left out
            const value = cell => {
                const copy = cell.querySelector('[data-copy]');
                return copy ? copy.dataset.copy : cell.innerText.trim();
            };
            const text = Array.from(table.rows)
                .map(row => Array.from(row.cells).filter(cell => !cell.matches('.row-actions, [data-no-copy]'))
                    .map(value).join('\t')).join('\n');
            try { await navigator.clipboard.writeText(text); } catch (e) { /* a browser without clipboard access */ }
            const label = button.textContent;
            button.textContent = button.dataset.copied || label;
            setTimeout(() => { button.textContent = label; }, 2000);
        });
    });
});

// After a payment (or while the bank's answer is awaited) Back keeps the payer on this page: behind it are only the
// bank's pages, whose forms the browser would offer to post again, and the card form, which would invite a second
// payment. A declined payment lets Back go to the card form.
document.addEventListener('DOMContentLoaded', () => {
    if (!document.querySelector('[data-keep-on-back]')) return;
    history.pushState({linkposResult: true}, '', location.href);
    window.addEventListener('popstate', () => history.pushState({linkposResult: true}, '', location.href));
});

// 3-D Secure: a form the browser posts by itself to the bank, or back from it (without JavaScript, its button does).
document.addEventListener('DOMContentLoaded', () => {
    const form = document.querySelector('form[data-autosubmit]');
    if (form) form.submit();
});

// The bank's merchant page: picking a bank (a gateway's preset) fills in the addresses and programs it knows;
// what it does not name is emptied, credentials stay as typed. Without JavaScript the server fills them in.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('select[data-fills-settings]').forEach(select => {
        select.addEventListener('change', () => {
            const option = select.options[select.selectedIndex];
            if (!option.dataset.settings) return;
            const settings = JSON.parse(option.dataset.settings);
            select.form.querySelectorAll('[data-preset-decides]').forEach(field => {
                const value = settings[field.name];
                if (field.tagName === 'SELECT') field.value = value === 'true' ? 'true' : 'false';
                else field.value = value || '';
            });
        });
    });
});

// [X1] A bulk upload's progress: while it runs, the page's content is fetched again every two seconds and
// put in place (the counts are read out politely), until it is done; without scripts the page refreshes itself.
document.addEventListener('DOMContentLoaded', () => {
    const running = () => {
        const progress = document.getElementById('bulk-progress');
        return progress && progress.dataset.status === 'PROCESSING';
    };
    if (!running()) return;
    const refresh = async () => {
        try {
            const answer = await fetch(window.location.href, {credentials: 'same-origin', cache: 'no-store'});
            if (answer.ok) {
                const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
                const fresh = page.getElementById('main');
                if (fresh) {
                    document.getElementById('main').replaceWith(fresh);
                }
            }
        } catch (e) {
            // the next try will tell
        }
        if (running()) {
            setTimeout(refresh, 2000);
        }
    };
    setTimeout(refresh, 2000);
});
