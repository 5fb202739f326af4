package com.linkpos.banksimulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The simulated bank as a wire-compatible EST v3 (Nestpay) gateway at {@code {base}/simulator/est}, with
 * the real one's paths: {@code fim/est3Dgate} (also Halkbank's and QNB's spelling {@code est3dgate})
 * takes the merchant's 3-D form, {@code fim/api} the {@code CC5Request} XML, raw or as the form field
 * {@code DATA}; the issuer's 3-D Secure page is at {@code acs/{id}}. {@code dayend} is the simulator's
 * own: where LinkPOS's end of day closes the simulated terminal's batch.
 */
@Controller
class EstGatewayController {

    static final String PATH = "/simulator/est";
    private static final String ACS = PATH + "/acs/";
    private static final String XML = "text/xml; charset=ISO-8859-9";

    private final EstMpi mpi;
    private final SimulatedAcs acs;
    private final EstApi api;
    private final SimulatorPages pages;

    EstGatewayController(EstMpi mpi, SimulatedAcs acs, EstApi api, SimulatorPages pages) {
        this.mpi = mpi;
        this.acs = acs;
        this.api = api;
        this.pages = pages;
    }


    @PostMapping({PATH + "/fim/est3Dgate", PATH + "/fim/est3dgate"})
    String threeDGate(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        byte[] body = GatewayRequestBody.of(request);
        Optional<Map<String, String>> form = body == null ? Optional.empty() : PostedForm.read(body, request.getContentType());
        if (form.isEmpty()) {
            return pages.step(new ThreeDServer.Refused("99", "İstek okunamadı"), ACS, request, response, model);
        }
        return pages.step(mpi.begin(form.get(), request.getRemoteAddr()), ACS, request, response, model);
    }

    @PostMapping(PATH + "/fim/api")
    ResponseEntity<byte[]> api(HttpServletRequest request) {
        byte[] body = GatewayRequestBody.of(request);
        if (body == null) {
            return xml(EstAnswer.error("", null, "İstek çok büyük"));
        }
        Optional<Element> root = cc5Request(body, request.getContentType());
        if (root.isEmpty()) {
            return xml(EstAnswer.error("", null, "XML okunamadı: CC5Request bekleniyor"));
        }
        Map<String, String> fields = SecureXml.children(root.get());
        Map<String, String> extra = Map.of();
        for (Node child = root.get().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && child.getNodeName().equals("Extra")) {
                extra = SecureXml.children((Element) child);
            }
        }
        return xml(api.answer(fields, extra));
    }

    @PostMapping(PATH + "/dayend")
    ResponseEntity<byte[]> dayEnd(@RequestParam(defaultValue = "") String clientid, @RequestParam(name = "Name", defaultValue = "") String name,
                                  @RequestParam(name = "Password", defaultValue = "") String password) {
        return xml(api.dayEnd(clientid.strip(), name.strip(), password));
    }

    @GetMapping(ACS + "{id}")
    String challenge(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        return pages.state(acs.open(mpi, id), ACS, request, response, model);
    }

    @PostMapping(ACS + "{id}")
    String answer(@PathVariable String id, @RequestParam(defaultValue = "") String otp, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return pages.result(acs.answer(mpi, id, otp.strip()), ACS, request, response, model);
    }

    /**
     * The request's {@code CC5Request}: the raw body, in the charset its declaration names, or the form
     * field {@code DATA} of the older samples; empty when it is neither.
     */
    private static Optional<Element> cc5Request(byte[] body, String contentType) {
        Optional<Element> root;
        String start = new String(body, 0, Math.min(body.length, 5), StandardCharsets.ISO_8859_1);
        if (start.equals("DATA=") || contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            root = PostedForm.read(body, contentType).map(form -> form.get("DATA"))
                    .flatMap(data -> SecureXml.root(new InputSource(new StringReader(stripDeclaration(data)))));
        } else {
            root = SecureXml.root(new InputSource(new ByteArrayInputStream(body)));
        }
        return root.filter(element -> element.getNodeName().equals("CC5Request"));
    }

    /** A form's XML is text already: its declared encoding no longer applies. */
    private static String stripDeclaration(String xml) {
        String text = xml.strip();
        return text.startsWith("<?xml") && text.contains("?>") ? text.substring(text.indexOf("?>") + 2) : text;
    }

    private static ResponseEntity<byte[]> xml(EstAnswer answer) {
        return ResponseEntity.ok().header("Content-Type", XML).header("Cache-Control", "no-store").body(answer.xml());
    }
}
